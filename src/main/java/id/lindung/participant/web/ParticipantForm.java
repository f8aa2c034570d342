package id.lindung.participant.web;

import id.lindung.participant.NikRules;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantStatus;
import id.lindung.participant.Sex;
import id.lindung.shared.web.RegionChoice;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The registration / edit form as the browser posts it. */
public class ParticipantForm extends RegionChoice {

    private @Nullable String nik;
    private @Nullable String fullName;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate birthDate;

    private @Nullable Sex sex;
    private @Nullable String phone;
    private @Nullable String occupation;
    private @Nullable ParticipantStatus status = ParticipantStatus.ACTIVE;
    private @Nullable Integer version;

    static ParticipantForm of(Participant p) {
        ParticipantForm f = new ParticipantForm();
        f.nik = p.nik();
        f.fullName = p.fullName();
        f.birthDate = p.birthDate();
        f.sex = p.sex();
        f.setRegionCode(p.regionCode());
        f.setKecamatan(p.regionCode().substring(0, 8));
        f.setKabKota(p.kabKotaCode());
        f.phone = p.phone();
        f.occupation = p.occupation();
        f.status = p.status();
        f.version = p.version();
        return f;
    }

    /**
     * Fills an empty birth date and sex from a full NIK, as the form's script does while the NIK is typed (a form
     * sent without JavaScript may leave them empty). Entered values are kept: a mismatch is NikRules' to refuse.
     */
    void fillFromNik(LocalDate today) {
        String canonical = NikRules.canonical(nik);
        if (canonical == null) {
            return;
        }
        if (birthDate == null) {
            birthDate = NikRules.birthDateOf(canonical, null, today).orElse(null);
        }
        if (sex == null) {
            sex = NikRules.sexOf(canonical).orElse(null);
        }
    }

    ParticipantDetails toDetails() {
        return new ParticipantDetails(nik, fullName, birthDate, sex, getRegionCode(), phone, occupation, status);
    }

    public @Nullable String getNik() {
        return nik;
    }

    public void setNik(@Nullable String nik) {
        this.nik = nik;
    }

    public @Nullable String getFullName() {
        return fullName;
    }

    public void setFullName(@Nullable String fullName) {
        this.fullName = fullName;
    }

    public @Nullable LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(@Nullable LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public @Nullable Sex getSex() {
        return sex;
    }

    public void setSex(@Nullable Sex sex) {
        this.sex = sex;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public @Nullable String getOccupation() {
        return occupation;
    }

    public void setOccupation(@Nullable String occupation) {
        this.occupation = occupation;
    }

    public @Nullable ParticipantStatus getStatus() {
        return status;
    }

    public void setStatus(@Nullable ParticipantStatus status) {
        this.status = status;
    }

    public @Nullable Integer getVersion() {
        return version;
    }

    public void setVersion(@Nullable Integer version) {
        this.version = version;
    }
}
