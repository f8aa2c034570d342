package id.lindung.participant.web;

import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantStatus;
import id.lindung.participant.Sex;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The registration / edit form as the browser posts it. */
public class ParticipantForm {

    private String nik;
    private String fullName;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;
    private Sex sex;
    private String kabKota;
    private String kecamatan;
    private String regionCode;
    private String phone;
    private String occupation;
    private ParticipantStatus status = ParticipantStatus.ACTIVE;
    private Integer version;

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

    public String getNik() { return nik; }
    public void setNik(String nik) { this.nik = nik; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public Sex getSex() { return sex; }
    public void setSex(Sex sex) { this.sex = sex; }
    public String getKabKota() { return kabKota; }
    public void setKabKota(String kabKota) { this.kabKota = kabKota; }
    public String getKecamatan() { return kecamatan; }
    public void setKecamatan(String kecamatan) { this.kecamatan = kecamatan; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getOccupation() { return occupation; }
    public void setOccupation(String occupation) { this.occupation = occupation; }
    public ParticipantStatus getStatus() { return status; }
    public void setStatus(ParticipantStatus status) { this.status = status; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
