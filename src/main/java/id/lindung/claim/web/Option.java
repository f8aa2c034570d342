package id.lindung.claim.web;

/** A choice of a form's select: the value sent and the label shown. */
public record Option(String value, String label) {}
