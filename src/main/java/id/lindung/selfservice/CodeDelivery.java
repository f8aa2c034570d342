package id.lindung.selfservice;

/** Hands a one-time code to whatever carries it to the phone (the outreach module's outbox, as a sensitive SMS). */
interface CodeDelivery {

    /** {@code dedupeKey} names the code's row: the same code is never queued twice. */
    void send(WorkerCodes.Purpose purpose, String phone, String dedupeKey, String code);
}
