package org.almoner.engine.generator.internal;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plausible English given and family names. The lists are in rough order of frequency and drawn
 * with flattened Zipf weights, so a few family names (Smith, Jones, Taylor: about 3%, 2.5%, 2%) are
 * common and most are rare, as in England. Invented lists, not copied from any register.
 */
final class Names {

    private static final String[] MALE = split("""
            David John Michael Paul Andrew Peter James Robert Mark Richard Stephen Christopher Thomas Daniel
            William Matthew Anthony Ian Gary Simon Kevin Martin Alan Brian Jonathan Steven Philip Graham
            Nicholas Joseph Samuel Benjamin Oliver Jack Harry George Charlie Jacob Alfie Noah Oscar Leo Henry
            Joshua Ethan Lewis Adam Ryan Luke Callum Liam Nathan Dylan Kieran Connor Jordan Aaron Jamie Ben
            Alexander Edward Frederick Arthur Albert Ernest Harold Kenneth Leonard Norman Raymond Roy Dennis
            Derek Keith Terence Trevor Colin Barry Malcolm Neil Stuart Duncan Gavin Craig Darren Lee Wayne
            Dean Carl Jason Scott Shaun Mohammed Muhammad Ali Ahmed Hassan Arjun Rohan Ravi Sanjay Tomasz
            Piotr Jan Kwame Tunde Oluwaseun Declan Sean Patrick Rhys Owen Dafydd Hamish Angus Finley Archie
            Theo Freddie Isaac Max Toby Reuben Rory Elliot Sebastian Hugo Felix Louis Harvey Tyler Mason""");

    private static final String[] FEMALE = split("""
            Susan Margaret Sarah Elizabeth Helen Patricia Mary Catherine Jennifer Karen Julie Linda Angela
            Christine Alison Emma Claire Nicola Rachel Rebecca Amanda Deborah Jacqueline Joanne Michelle Lisa
            Katherine Victoria Jessica Charlotte Amelia Olivia Isla Ava Mia Emily Sophie Grace Lily Freya
            Poppy Ella Evie Chloe Lucy Hannah Laura Amy Jade Gemma Kelly Stacey Leanne Natalie Zoe Holly
            Dorothy Joan Joyce Irene Doris Jean Barbara Eileen Sheila Brenda Pauline Valerie Maureen Janet
            Beryl Gladys Edna Hilda Ivy Marjorie Audrey Shirley Sandra Carol Wendy Lorraine Tracey Dawn
            Samantha Abigail Alexandra Fatima Aisha Ayesha Priya Anjali Sunita Agnieszka Anna Magdalena
            Chidinma Ngozi Abimbola Siobhan Niamh Bethan Cerys Eilidh Morag Harriet Florence Matilda Phoebe
            Rosie Daisy Maisie Imogen Eleanor Alice Ruby Millie Scarlett Willow Ivy Esme Clara Maya Zara""");

    private static final String[] FAMILY = split("""
            Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson
            Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin
            Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson
            Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell
            Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson
            Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes
            Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham
            Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne
            Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton
            O'Brien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson Newman
            Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid
            Holland Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah
            Dean Lane Cooke Bates Henderson Parry Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross
            Long Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins
            O'Connor Harper Coleman Watkins Moss McCarthy Chambers O'Neill Griffin Sharp Hardy Wheeler Potter
            Osborne Johnston Gordon Doyle Wallace George Jordan Hutchinson Rowe Burke May Pritchard Gilbert
            Willis Higgins Read Miles Stevenson Stephenson Hammond Arnold Buckley Walters Hewitt Barber Nelson
            Slater Austin Sullivan Whitehead Mann Frost Lambert Stephens Blake Akhtar Lynch Goodwin Barton
            Woodward Thomson Cunningham Quinn Barnett Baxter Bibi Clayton Nash Greenwood Jennings Holt Kemp
            Poole Gallagher Bond Stokes Tucker Davidson Fowler Heath Norman Middleton Lawson Banks French
            Stanley Jarvis Gibbs Ferguson Hayward Carroll Douglas Dickinson Todd Barlow Peters Lucas Knowles
            Hartley Miah Simmons Morton Alexander Field Morrison Norris Townsend Preston Hancock Thornton
            Baldwin Burrows Briggs Storey Pollard Wong Nowak Kowalski Okafor Adeyemi Mensah Chowdhury
            Rahman Sharma Gupta Nguyen Chen Smith-Jones Bowen-Price Fitzgerald MacLeod O'Neil D'Arcy""");

    /** Familiar forms people give to councils and charities instead of their registered given name. */
    private static final Map<String, String> NICKNAMES = Map.ofEntries(
            Map.entry("Robert", "Bob"), Map.entry("William", "Bill"), Map.entry("Elizabeth", "Liz"),
            Map.entry("Margaret", "Peggy"), Map.entry("Katherine", "Kate"), Map.entry("Catherine", "Cathy"),
            Map.entry("Richard", "Dick"), Map.entry("James", "Jim"), Map.entry("Thomas", "Tom"),
            Map.entry("Michael", "Mike"), Map.entry("Christopher", "Chris"), Map.entry("Anthony", "Tony"),
            Map.entry("Edward", "Ted"), Map.entry("Jennifer", "Jenny"), Map.entry("Rebecca", "Becky"),
            Map.entry("Susan", "Sue"), Map.entry("Patricia", "Pat"), Map.entry("Deborah", "Debbie"),
            Map.entry("Alexander", "Alex"), Map.entry("Daniel", "Dan"), Map.entry("Samuel", "Sam"),
            Map.entry("Benjamin", "Ben"), Map.entry("Joseph", "Joe"), Map.entry("Jonathan", "Jon"),
            Map.entry("Matthew", "Matt"), Map.entry("Nicholas", "Nick"), Map.entry("Peter", "Pete"),
            Map.entry("Stephen", "Steve"), Map.entry("David", "Dave"), Map.entry("Victoria", "Vicky"),
            Map.entry("Jessica", "Jess"), Map.entry("Frederick", "Fred"), Map.entry("Henry", "Harry"),
            Map.entry("Abigail", "Abbie"), Map.entry("Alexandra", "Sandra"), Map.entry("Amanda", "Mandy"),
            Map.entry("Barbara", "Babs"), Map.entry("Kenneth", "Ken"), Map.entry("Leonard", "Len"),
            Map.entry("Terence", "Terry"), Map.entry("Raymond", "Ray"), Map.entry("Christine", "Chris"),
            Map.entry("Jacqueline", "Jackie"), Map.entry("Samantha", "Sam"), Map.entry("Dorothy", "Dot"));

    private static final double[] MALE_WEIGHTS = zipfCumulative(MALE.length, 3, 0.7);
    private static final double[] FEMALE_WEIGHTS = zipfCumulative(FEMALE.length, 3, 0.7);
    private static final double[] FAMILY_WEIGHTS = zipfCumulative(FAMILY.length, 5, 0.8);

    private Names() {
    }

    static String given(SplittableRandom random, boolean female) {
        return female ? FEMALE[pick(FEMALE_WEIGHTS, random.nextDouble())] : MALE[pick(MALE_WEIGHTS, random.nextDouble())];
    }

    static String family(SplittableRandom random) {
        return FAMILY[pick(FAMILY_WEIGHTS, random.nextDouble())];
    }

    /** The familiar form of a given name, or null when there is none in the table. */
    static String nickname(String given) {
        return NICKNAMES.get(given);
    }

    private static String[] split(String text) {
        return text.strip().split("\\s+");
    }

    /** Cumulative weights 1 / (rank + offset)^exponent; the offset flattens the head of the distribution. */
    private static double[] zipfCumulative(int size, int offset, double exponent) {
        double[] cumulative = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += 1.0 / Math.pow(i + offset, exponent);
            cumulative[i] = total;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= total;
        }
        return cumulative;
    }

    static int pick(double[] cumulative, double draw) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < draw) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
