package dev.stevens.briefing.delivery;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The threads that compose and send briefs. Sending is mostly waiting for a remote server, so
 * several briefs in flight at once make a morning with thousands of households due in the same
 * minute take seconds instead of minutes.
 */
@Component
public class DeliveryWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

    private final ExecutorService pool;

    DeliveryWorkers(DeliveryProperties properties) {
        var counter = new AtomicInteger();
        this.pool =
                Executors.newFixedThreadPool(
                        properties.workers(),
                        task -> {
                            Thread thread =
                                    new Thread(task, "brief-worker-" + counter.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /** Runs every task and waits for all; one task's failure is logged and does not stop others. */
    public void runAll(List<Runnable> tasks) {
        if (tasks.size() == 1) {
            run(tasks.get(0));
            return;
        }
        List<Future<?>> running =
                tasks.stream().<Future<?>>map(t -> pool.submit(() -> run(t))).toList();
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.warn("Brief task failed", e.getCause());
            }
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // one household's trouble must not hold up the others; the next tick retries
            log.warn("Brief task failed; the next tick retries", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
