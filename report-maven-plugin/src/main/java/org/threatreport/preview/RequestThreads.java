package org.threatreport.preview;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that answer the preview's requests: a fixed number of them, a bounded queue, and a
 * deadline for each request, so that neither many connections nor slow ones can take the preview
 * (or the machine) down.
 *
 * <p>The JDK's server reads a request's line and headers on the thread that then handles it. A
 * client that sends them slowly (or never) would hold that thread for good; a watchdog interrupts
 * a thread still reading after {@link Limits#readTimeout()}, which closes its connection. Once the
 * request is read ({@link #requestRead()}), the answer has {@link Limits#answerTimeout()} (enough
 * for a live-reload poll) before its connection is closed the same way. When every thread is busy
 * and the queue is full, a new connection is closed at once by the JDK's server.
 */
final class RequestThreads implements Executor, AutoCloseable {

    /**
     * @param threads       requests answered at once
     * @param queue         requests waiting for a thread; more are refused (their connection closed)
     * @param readTimeout   time to send a request's line and headers
     * @param answerTimeout time from a request read to its answer sent, live-reload polls included
     */
    record Limits(int threads, int queue, Duration readTimeout, Duration answerTimeout) {

        static final Limits DEFAULT = new Limits(16, 64, Duration.ofSeconds(10), Duration.ofSeconds(60));

        Limits {
            if (threads < 2 || queue < 1 || readTimeout.isNegative() || readTimeout.isZero()
                    || answerTimeout.compareTo(readTimeout) < 0) {
                throw new IllegalArgumentException("unusable limits " + threads + "/" + queue + "/" + readTimeout
                        + "/" + answerTimeout);
            }
        }
    }

    static final String THREAD_NAME = "report-preview-http-";

    /** This server's threads are named {@code <prefix><n>}; the prefix tells servers in one JVM apart. */
    private final String threadPrefix = THREAD_NAME + Integer.toHexString(System.identityHashCode(this)) + "-";

    private final Limits limits;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    private final Set<Request> running = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Request> current = new ThreadLocal<>();

    RequestThreads(Limits limits) {
        this.limits = limits;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue()), r -> {
                    Thread thread = new Thread(r, threadPrefix + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadPrefix + "watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(20, Math.min(1000, limits.readTimeout().toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::interruptLateRequests, period, period, TimeUnit.MILLISECONDS);
    }

    Limits limits() {
        return limits;
    }

    /** The names of this server's request threads start with this. */
    String threadPrefix() {
        return threadPrefix;
    }

    /** Runs one exchange of the JDK's server; throws RejectedExecutionException when all threads and the queue are taken. */
    @Override
    public void execute(Runnable exchange) {
        pool.execute(new Request(exchange));
    }

    /** Called by the handler: the request's line and headers are read, its answer's deadline starts. */
    void requestRead() {
        Request request = current.get();
        if (request != null) {
            request.deadline(System.nanoTime() + limits.answerTimeout().toNanos());
        }
    }

    private void interruptLateRequests() {
        long now = System.nanoTime();
        running.forEach(request -> request.interruptIfLate(now));
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        pool.shutdownNow();
    }

    /** One exchange on its thread, with its deadline. */
    private final class Request implements Runnable {

        private final Runnable exchange;
        private Thread thread;
        private long deadline;
        private boolean finished;

        Request(Runnable exchange) {
            this.exchange = exchange;
        }

        @Override
        public void run() {
            synchronized (this) {
                thread = Thread.currentThread();
                deadline = System.nanoTime() + limits.readTimeout().toNanos();
            }
            current.set(this);
            running.add(this);
            try {
                exchange.run();
            } finally {
                running.remove(this);
                current.remove();
                synchronized (this) {
                    finished = true;
                }
                // An interrupt aimed at this request must not reach the next one on this thread.
                Thread.interrupted();
            }
        }

        synchronized void deadline(long nanos) {
            deadline = nanos;
        }

        /** Interrupting a thread blocked on its connection's channel closes the connection. */
        synchronized void interruptIfLate(long now) {
            if (!finished && thread != null && now - deadline > 0) {
                thread.interrupt();
            }
        }
    }
}
