package id.lindung.participant.web;

import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantStatus;
import id.lindung.participant.Sex;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The registration / edit form as the browser posts it. */
public class ParticipantForm {

    private @Nullable String nik;
    private @Nullable String fullName;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate birthDate;

    private @Nullable Sex sex;
    private @Nullable String kabKota;
    private @Nullable String kecamatan;
    private @Nullable String regionCode;
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
        f.regionCode = p.regionCode();
        f.kecamatan = p.regionCode().substring(0, 8);
        f.kabKota = p.kabKotaCode();
        f.phone = p.phone();
        f.occupation = p.occupation();
        f.status = p.status();
        f.version = p.version();
        return f;
    }

    ParticipantDetails toDetails() {
        return new ParticipantDetails(nik, fullName, birthDate, sex, regionCode, phone, occupation, status);
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

    public @Nullable String getKabKota() {
        return kabKota;
    }

    public void setKabKota(@Nullable String kabKota) {
        this.kabKota = kabKota;
    }

    public @Nullable String getKecamatan() {
        return kecamatan;
    }

    public void setKecamatan(@Nullable String kecamatan) {
        this.kecamatan = kecamatan;
    }

    public @Nullable String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(@Nullable String regionCode) {
        this.regionCode = regionCode;
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
