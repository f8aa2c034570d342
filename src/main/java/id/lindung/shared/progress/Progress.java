package id.lindung.shared.progress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where one operation reports how far it is: a phase (a message key under {@code progress.phase.}), which step of how
 * many it is, and done of total in that phase (total 0: not known). Reporting costs a comparison per call and at most
 * about a hundred volatile writes per phase, no I/O: the work may call {@link #advance} for every row. One thread
 * reports; any thread reads {@link #state}.
 */
public final class Progress {

    private static final Progress NONE = new Progress();
    private static final int WRITES_PER_PHASE = 100;
    private static final long UNKNOWN_TOTAL_STRIDE = 500;

    /** What a poll shows: phase, step of steps (steps 0: not said), done of total (total 0: not known). */
    public record State(String phase, int step, int steps, long done, long total, boolean finished) {}

    private volatile State state = new State("waiting", 0, 0, 0, 0, false);
    private volatile long touched = System.nanoTime();
    private long nextWrite;
    private long stride = UNKNOWN_TOTAL_STRIDE;

    Progress() {}

    /** A handle that keeps nothing: the work reports into it when no one polls (the API, a form without an id). */
    public static Progress none() {
        return NONE;
    }

    /** Starts phase {@code step} of {@code steps} with {@code total} units to do (0: not known). */
    public void phase(String phase, int step, int steps, long total) {
        if (this == NONE) {
            return;
        }
        stride = total > 0 ? Math.max(1, total / WRITES_PER_PHASE) : UNKNOWN_TOTAL_STRIDE;
        nextWrite = stride;
        write(new State(phase, step, steps, 0, Math.max(0, total), false));
    }

    /** Names what the phase is doing now (another message key), keeping its step and counts. */
    public void relabel(String phase) {
        if (this == NONE) {
            return;
        }
        State s = state;
        write(new State(phase, s.step(), s.steps(), s.done(), s.total(), false));
    }

    /** {@code done} units of the phase are done (written only every hundredth of the total, and at the total). */
    public void advance(long done) {
        if (this == NONE || done < nextWrite && done != state.total()) {
            return;
        }
        nextWrite = done + stride;
        State s = state;
        write(new State(s.phase(), s.step(), s.steps(), done, s.total(), false));
    }

    /** The work is over: the last step, everything done. */
    public void finish() {
        if (this == NONE) {
            return;
        }
        State s = state;
        long total = Math.max(s.total(), s.done());
        int steps = Math.max(s.step(), s.steps());
        write(new State(s.phase(), steps, steps, total, total, true));
    }

    /**
     * The stream of an uploaded file of {@code size} bytes that reports its reading as phase {@code read}, step 1 of
     * {@code steps}, in bytes.
     */
    public InputStream reading(InputStream in, long size, int steps) {
        if (this == NONE) {
            return in;
        }
        phase("read", 1, steps, size);
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(++read);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    read += n;
                    advance(Math.min(read, state.total() > 0 ? state.total() : read));
                }
                return n;
            }
        };
    }

    public State state() {
        return state;
    }

    long touched() {
        return touched;
    }

    private void write(State next) {
        state = next;
        touched = System.nanoTime();
    }
}
