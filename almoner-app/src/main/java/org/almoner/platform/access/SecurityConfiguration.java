package org.almoner.platform.access;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.almoner.platform.audit.AuditEntry;
import org.almoner.platform.audit.AuditOutcome;
import org.almoner.platform.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-in everywhere but the health check. The API takes HTTP Basic (for scripts) or the session
 * cookie of a browser sign-in; role rules for whole endpoints are here, rules for a person's
 * record are in {@code people.PersonAccess}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");

    /**
     * The API's own chain, with only the filters an API call needs. It takes the same sign-ins, sessions,
     * role rules and CSRF protection as the pages' chain (a request carrying only a browser's session
     * cookie still needs its CSRF token), but no sign-in form, sign-out, saved request to return to after
     * signing in (which made a session for every refused call) or servlet request wrapper: every wrapper
     * is walked again by each request-mapping condition tested while the handler is looked up.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SessionRegistry sessions, AuditTrail audit, Clock clock,
            @Value("${almoner.session.absolute-timeout:8h}") Duration absoluteTimeout) throws Exception {
        http.securityMatcher(API);
        common(http, sessions, audit, clock, absoluteTimeout);
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(SecurityConfiguration::signInRequired))
                .requestCache(cache -> cache.disable())
                .servletApi(servlet -> servlet.disable())
                .logout(logout -> logout.disable())
                // Written before the answer rather than by wrapping the response and request until it is sent.
                .headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain security(HttpSecurity http, SessionRegistry sessions, AuditTrail audit, Clock clock,
            @Value("${almoner.session.absolute-timeout:8h}") Duration absoluteTimeout) throws Exception {
        common(http, sessions, audit, clock, absoluteTimeout);
        http
                // The pages module draws the sign-in page in the NHS.UK design; signing out is a POST with its CSRF token.
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").permitAll())
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(SecurityConfiguration::signInRequired, API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true));
        return http.build();
    }

    /** What both chains share: the role rules, HTTP Basic, CSRF, sessions, refusals and headers. */
    private static void common(HttpSecurity http, SessionRegistry sessions, AuditTrail audit, Clock clock, Duration absoluteTimeout)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // The design system's stylesheet, script and icons, which the sign-in page needs too.
                        .requestMatchers("/nhsuk/**", "/assets/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers("/api/audit/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers("/api/accounts/**").hasRole(Role.ADMINISTRATOR.name())
                        .requestMatchers("/api/reports/**").hasRole(Role.COMMISSIONER.name())
                        .requestMatchers("/api/ledger/reconciliation").hasAnyRole(Role.AUDITOR.name(), Role.COMMISSIONER.name())
                        .requestMatchers("/api/ledger/uplifts/**", "/api/ledger/periods/**", "/api/ledger/monitoring/**")
                                .hasRole(Role.COMMISSIONER.name())
                        .requestMatchers(HttpMethod.GET, "/api/pathways/**").authenticated()
                        .requestMatchers("/api/pathways/**").hasAnyRole(Role.COMMISSIONER.name(), Role.ADMINISTRATOR.name())
                        .anyRequest().authenticated())
                // A script that keeps its session cookie is not re-checked against the password hash on every
                // request (bcrypt is slow on purpose); one that does not simply signs in each time.
                .httpBasic(basic -> basic.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository())))
                // Scripts that send credentials on every request cannot be led by a forged page; browsers can.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1)
                        .sessionRegistry(sessions)
                        .expiredSessionStrategy(event -> signInAgain(event.getResponse(), "Your session has ended. Sign in again.")))
                .exceptionHandling(exceptions -> exceptions
                        .accessDeniedHandler((request, response, denied) -> refuse(request, response, denied, audit, clock)))
                .addFilterAfter(new SessionTimeouts(absoluteTimeout, clock), BasicAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
    }

    @Bean
    ApiAdmission apiAdmission(@Value("${almoner.load.max-in-flight:48}") int atOnce,
            @Value("${almoner.load.wait-millis:250}") long waitMillis) {
        // 48: admitting 4, 8 or 16 at once did not shorten the tail and lowered throughput on two cores (single
        // runs, docs/benchmarks.md, the ledger): a payment spends most of its time waiting on commits, not on the
        // processor, so fewer at once means fewer commits shared.
        return new ApiAdmission(atOnce, Duration.ofMillis(waitMillis));
    }

    @Bean
    FilterRegistrationBean<LoadShedding> loadShedding(ApiAdmission admission) {
        FilterRegistrationBean<LoadShedding> registration = new FilterRegistrationBean<>(new LoadShedding(admission));
        // Before security, so an overloaded platform does not spend effort checking passwords it will not serve.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    UserDetailsService accountsForSignIn(Accounts accounts) {
        return username -> accounts.forSignIn(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    @Bean
    PasswordEncoder passwordEncoder(@Value("${almoner.security.bcrypt-strength:10}") int strength) {
        // Hashes name their algorithm ({bcrypt}...), so a later, stronger algorithm can take over
        // while old hashes still verify.
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }

    @Bean
    SecurityObservationSettings securityObservations() {
        // Nothing reads per-filter observations (only the health check is exposed), and recording one for
        // every filter of every request took a tenth of the platform's CPU under load.
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher sessionEvents() {
        // Tells the session registry when sessions end, so it never holds dead ones.
        return new HttpSessionEventPublisher();
    }

    private static void signInRequired(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"almoner\"");
        signInAgain(response, "Sign in to use the API: send your username and password (HTTP Basic) or sign in at /login.");
    }

    static void signInAgain(HttpServletResponse response, String detail) throws IOException {
        problem(response, 401, "SIGN_IN_REQUIRED", "Sign in required", detail);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied,
            AuditTrail audit, Clock clock) throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof SignedInAccount)) {
            // A caller not signed in is refused before anything else (the CSRF check of a cookie-less
            // browser request lands here too): they need to sign in, not a different role.
            signInRequired(request, response, null);
            return;
        }
        if (denied instanceof CsrfException) {
            problem(response, 403, "ACCESS_DENIED", "Not allowed",
                    "This form has expired or did not come from Almoner. Reload the page and try again.");
            return;
        }
        if (authentication.getPrincipal() instanceof SignedInAccount signedIn) {
            Actor actor = signedIn.actor();
            audit.record(new AuditEntry(clock.instant(), actor.username(), actor.role().name(), actor.organisation(), null,
                    "ENDPOINT", request.getRequestURI(), request.getMethod() + " " + request.getRequestURI(),
                    AuditOutcome.REFUSED, null, false));
        }
        problem(response, 403, "ACCESS_DENIED", "Not allowed",
                "Your role does not allow this. Ask an administrator if you need it for your work.");
    }

    static void problem(HttpServletResponse response, int status, String code, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://almoner.org/problems/" + code.toLowerCase().replace('_', '-')
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "'")
                + "\",\"code\":\"" + code + "\"}");
    }
}
