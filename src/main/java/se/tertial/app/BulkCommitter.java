package se.tertial.app;

import se.tertial.app.BulkLoader.FileResult;
import se.tertial.app.BulkLoader.Loader;
import se.tertial.app.BulkLoader.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * The one thread of a bulk load that stores: it takes what the workers checked, in the order they queued it, and
 * commits up to {@link BulkLoader#BATCH} files at a time — as many as are waiting, so a batch grows when storing is the
 * slower part; markers in the queue tell the loader when everything before them is stored.
 */
final class BulkCommitter<S> implements Runnable {
    /** A file checked by a worker: staged for the committer, or already answered (unreadable bytes, a crash). */
    record Staged<S>(S staged, FileResult early) {}

    private final Loader<S> loader;
    private final Progress progress;
    private final java.util.concurrent.BlockingQueue<Object> queue =
            new java.util.concurrent.ArrayBlockingQueue<>(BulkLoader.QUEUE);
    private final List<FileResult> done = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile RuntimeException failed;
    private static final Object STOP = new Object();

    BulkCommitter(Loader<S> loader, Progress progress) {
        this.loader = loader;
        this.progress = progress;
    }

    void put(Staged<S> staged) throws InterruptedException {
        queue.put(staged);
    }

    /** Completes {@code marker} once everything queued before it is stored (the caller never waits here). */
    void mark(java.util.concurrent.CompletableFuture<Void> marker) {
        try {
            queue.put(marker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            marker.completeExceptionally(e);
        }
    }

    /** Waits until everything queued so far is stored; returns those results. */
    List<FileResult> flush() {
        java.util.concurrent.CompletableFuture<Void> marker = new java.util.concurrent.CompletableFuture<>();
        try {
            queue.put(marker);
            marker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (failed != null) {
            throw failed;
        }
        synchronized (done) {
            List<FileResult> r = new ArrayList<>(done);
            done.clear();
            return r;
        }
    }

    void stop() {
        queue.clear();
        queue.offer(STOP);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
        List<Object> batch = new ArrayList<>();
        while (true) {
            try {
                batch.clear();
                batch.add(queue.take());
                queue.drainTo(batch, BulkLoader.BATCH - 1);
            } catch (InterruptedException e) {
                return;
            }
            List<Staged<S>> files = new ArrayList<>();
            boolean stop = false;
            List<java.util.concurrent.CompletableFuture<Void>> markers = new ArrayList<>();
            for (Object o : batch) {
                if (o == STOP) {
                    stop = true;
                } else if (o instanceof java.util.concurrent.CompletableFuture<?> m) {
                    markers.add((java.util.concurrent.CompletableFuture<Void>) m);
                } else {
                    files.add((Staged<S>) o);
                }
            }
            try {
                commit(files);
            } catch (RuntimeException e) {
                failed = e;
            }
            markers.forEach(m -> m.complete(null));
            if (stop) {
                return;
            }
        }
    }

    private void commit(List<Staged<S>> files) {
        List<S> staged = files.stream().filter(f -> f.early() == null).map(Staged::staged).toList();
        List<FileResult> stored = staged.isEmpty() ? List.of() : loader.commit(staged);
        int i = 0;
        for (Staged<S> f : files) {
            FileResult r = f.early() != null ? f.early() : stored.get(i++);
            progress.done(r);
            done.add(r);
        }
    }
}
