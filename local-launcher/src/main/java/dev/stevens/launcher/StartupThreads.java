package dev.stevens.launcher;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Starts work in parallel on threads that see the launcher's class loader. The common fork-join
 * pool's threads use the system class loader on newer JDKs, which cannot see the classes nested in
 * the executable jar (Kafka then fails to load its own config classes).
 */
final class StartupThreads {

    private StartupThreads() {}

    static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                result.complete(work.get());
                            } catch (Throwable t) {
                                result.completeExceptionally(t);
                            }
                        },
                        "start-" + name);
        thread.setContextClassLoader(StartupThreads.class.getClassLoader());
        thread.start();
        return result;
    }

    static CompletableFuture<Void> run(String name, Runnable work) {
        return supply(
                name,
                () -> {
                    work.run();
                    return null;
                });
    }
}
