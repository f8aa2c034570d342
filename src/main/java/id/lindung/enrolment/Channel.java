package id.lindung.enrolment;

/** Through whom a membership came: the lever the province pulls, counted on the coverage dashboard. */
public enum Channel {
    SELF,
    AGENT,
    EMPLOYER,
    KUR_BANK,
    GOV_SPONSOR
}
