package id.lindung.claim.benefit;

/** Transport modes of the JKK transport benefit, each with its own cap. */
public enum TransportMode {
    /** Darat, sungai atau danau. */
    LAND(RuleKey.JKK_TRANSPORT_LAND_MAX),
    SEA(RuleKey.JKK_TRANSPORT_SEA_MAX),
    AIR(RuleKey.JKK_TRANSPORT_AIR_MAX);

    private final RuleKey cap;

    TransportMode(RuleKey cap) {
        this.cap = cap;
    }

    public RuleKey cap() {
        return cap;
    }

    public String messageKey() {
        return "claim.transport." + name();
    }
}
