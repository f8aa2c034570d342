package id.lindung.participant;

import id.lindung.shared.FieldIssue;
import java.util.List;

/** A registration that went through, with the warnings it raised and the possible duplicates it found. */
public record RegistrationResult(Participant participant, List<FieldIssue> warnings, List<Long> possibleDuplicates) {

    public RegistrationResult {
        warnings = List.copyOf(warnings);
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }
}
