package org.almoner.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collector's pauses while a benchmark runs, from the JVM's own notifications: every
 * request in progress stops for each one, so the longest pause is part of the slowest answers.
 * Concurrent cycles (G1's marking alongside the application) are not pauses and are left out.
 */
final class CollectorPauses implements AutoCloseable {

    private final ConcurrentLinkedQueue<Long> pausesMillis = new ConcurrentLinkedQueue<>();
    private final List<NotificationEmitter> listeningTo = new ArrayList<>();
    private final NotificationListener listener = this::collected;

    /** Starts listening; {@link #close()} stops. */
    CollectorPauses() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter && !collector.getName().contains("Concurrent")) {
                emitter.addNotificationListener(listener, null, null);
                listeningTo.add(emitter);
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            pausesMillis.add(info.getGcInfo().getDuration());
        }
    }

    /** "12 pauses, 85 ms in all, the longest 11 ms", or that there were none. */
    String summary() {
        List<Long> pauses = List.copyOf(pausesMillis);
        if (pauses.isEmpty()) {
            return "no pauses";
        }
        long total = pauses.stream().mapToLong(Long::longValue).sum();
        long longest = pauses.stream().mapToLong(Long::longValue).max().orElse(0);
        return String.format(Locale.UK, "%,d pauses, %,d ms in all, the longest %,d ms", pauses.size(), total, longest);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : listeningTo) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException alreadyGone) {
                // Nothing to stop.
            }
        }
    }
}
