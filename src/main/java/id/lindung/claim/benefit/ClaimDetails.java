package id.lindung.claim.benefit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** What a claim of each {@link ClaimKind} brings beyond the member's facts. */
public sealed interface ClaimDetails {

    /** Death and total permanent disability need nothing more than the member's facts. */
    record None() implements ClaimDetails {}

    /** Medical care: every invoice is paid at cost. */
    record MedicalCare(List<Invoice> invoices) implements ClaimDetails {
        public MedicalCare {
            invoices = List.copyOf(invoices);
        }
    }

    /** Home care from {@code start}; costs after the maximum period are not reimbursed. */
    record HomeCare(LocalDate start, List<Invoice> invoices) implements ClaimDetails {
        public HomeCare {
            Objects.requireNonNull(start, "start");
            invoices = List.copyOf(invoices);
        }
    }

    record Transport(List<TransportCost> costs) implements ClaimDetails {
        public Transport {
            costs = List.copyOf(costs);
        }
    }

    /** STMB: whole months of temporary incapacity to work. */
    record TemporaryIncapacity(int months) implements ClaimDetails {}

    /** Body parts lost, as codes of the disability table. */
    record AnatomicalDisability(List<String> codes) implements ClaimDetails {
        public AnatomicalDisability {
            codes = List.copyOf(codes);
        }
    }

    record FunctionalDisability(List<FunctionLoss> losses) implements ClaimDetails {
        public FunctionalDisability {
            losses = List.copyOf(losses);
        }
    }
}
