package id.lindung.participant;

/** An UMKM business registered in OSS (NIB, 13 digits) and owned by a participant. */
public record Business(
        long id,
        String nib,
        String name,
        long ownerId,
        String kbli,
        BusinessScale scale,
        String regionCode,
        int workerCount) {}
