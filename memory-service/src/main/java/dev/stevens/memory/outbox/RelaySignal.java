package dev.stevens.memory.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the relay that new outbox records were committed, so a change reaches Kafka as soon as its
 * transaction commits instead of at the next poll. Many commits between two rounds collapse into
 * one wake-up.
 */
@Component
class RelaySignal {

    private final Semaphore wakeups = new Semaphore(0);

    /** Wakes the relay once the current transaction commits (never for a rolled-back one). */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            wake();
                        }
                    });
        } else {
            wake();
        }
    }

    void wake() {
        // one pending permit is enough: the next round relays everything committed so far
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    /** Waits until woken or until {@code timeout} passed; forgets wake-ups already pending. */
    void awaitWake(Duration timeout) throws InterruptedException {
        if (wakeups.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeups.drainPermits();
        }
    }
}
