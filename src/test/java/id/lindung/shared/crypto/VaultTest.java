package id.lindung.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {

    @TempDir
    Path dir;

    private static String key() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private Path keyring(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void sealedValuesOpenOnlyUnchangedAndInTheirOwnColumn() {
        Vault vault = new Vault(Keyring.load(dir.resolve("new.properties"), true));
        byte[] sealed = vault.seal("6104015705900001".getBytes(StandardCharsets.UTF_8), "participant.nik_enc");

        assertThat(vault.openText(sealed, "participant.nik_enc")).isEqualTo("6104015705900001");
        // no trace of the value, and a fresh nonce each time: equal values do not look equal
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("6104015705900001");
        assertThat(HexFormat.of().formatHex(sealed))
                .doesNotContain(HexFormat.of().formatHex("6104015705900001".getBytes(StandardCharsets.UTF_8)));
        assertThat(vault.seal("6104015705900001".getBytes(StandardCharsets.UTF_8), "participant.nik_enc"))
                .isNotEqualTo(sealed);
        assertThat(sealed).hasSize(3 + 12 + 16 + 16);
        assertThat(Vault.keyOf(sealed)).isEqualTo(1);

        // moved to another column: refused
        assertThatThrownBy(() -> vault.open(sealed, "kur_loan.nik_enc"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
        // any bit changed: refused
        for (int i = 3; i < sealed.length; i++) {
            byte[] changed = Arrays.copyOf(sealed, sealed.length);
            changed[i] ^= 1;
            assertThatThrownBy(() -> vault.open(changed, "participant.nik_enc"))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> vault.open(new byte[] {1, 0, 1}, "participant.nik_enc"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNewKeyringIsReadableByItsOwnerOnly_andKeptWhenItExists() throws Exception {
        Path file = dir.resolve("keys/keyring.properties");
        Keyring first = Keyring.load(file, true);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        byte[] sealed = new Vault(first).seal(new byte[] {42}, "t.c");
        // the second start reads the same keys
        assertThat(new Vault(Keyring.load(file, true)).open(sealed, "t.c")).containsExactly(42);
        assertThatThrownBy(() -> Keyring.load(dir.resolve("missing.properties"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No keyring");
    }

    @Test
    void aKeyringThatDoesNotAddUpIsRefusedAtStart() throws Exception {
        assertThatThrownBy(() -> Keyring.load(
                        keyring("a", "data.1=" + key() + "\ndata.current=2\nindex.1=" + key() + "\nindex.current=1\n"),
                        false))
                .hasMessageContaining("data.current = 2 but there is no data.2");
        assertThatThrownBy(() -> Keyring.load(
                        keyring("b", "data.1=c2hvcnQ=\ndata.current=1\nindex.1=" + key() + "\nindex.current=1\n"),
                        false))
                .hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> Keyring.load(
                        keyring("c", "data.1=" + key() + "\nindex.1=" + key() + "\nindex.current=1\n"), false))
                .hasMessageContaining("data.current must name a key number");
    }

    @Test
    void afterANewKeyOldValuesStillOpen_newOnesUseTheNewKey_andLookupsFindBoth() throws Exception {
        String d1 = key();
        String i1 = key();
        Vault before = new Vault(Keyring.load(
                keyring("one", "data.1=" + d1 + "\ndata.current=1\nindex.1=" + i1 + "\nindex.current=1\n"), false));
        Vault after = new Vault(Keyring.load(
                keyring(
                        "two",
                        "data.1=" + d1 + "\ndata.2=" + key() + "\ndata.current=2\nindex.1=" + i1 + "\nindex.2=" + key()
                                + "\nindex.current=2\n"),
                false));
        byte[] old = before.seal("anak".getBytes(StandardCharsets.UTF_8), "t.c");

        assertThat(after.openText(old, "t.c")).isEqualTo("anak");
        assertThat(Vault.keyOf(after.seal(new byte[] {1}, "t.c"))).isEqualTo(2);

        // the index: stable under one key, different between keys and between values; lookups ask for both
        byte[] oldIndex = before.index("nik", "6104015705900001");
        assertThat(before.index("nik", "6104015705900001")).isEqualTo(oldIndex);
        assertThat(before.index("nik", "6104015705900002")).isNotEqualTo(oldIndex);
        assertThat(Vault.indexKeyOf(oldIndex)).isEqualTo(1);
        assertThat(Vault.indexKeyOf(after.index("nik", "6104015705900001"))).isEqualTo(2);
        assertThat(after.indexes("nik", "6104015705900001"))
                .hasSize(2)
                .anySatisfy(i -> assertThat(i).isEqualTo(oldIndex));
        // the kind is part of the index: a NIK and another value with the same digits differ
        assertThat(before.index("phone", "6104015705900001")).isNotEqualTo(oldIndex);
        // a value sealed under a key the keyring no longer holds names the key
        Vault onlyNew = new Vault(Keyring.load(
                keyring("three", "data.2=" + key() + "\ndata.current=2\nindex.2=" + key() + "\nindex.current=2\n"),
                false));
        assertThatThrownBy(() -> onlyNew.open(old, "t.c")).hasMessageContaining("key 1");
    }

    @Test
    void nikMaskKeepsTheKecamatanAndTheLastFourDigits() {
        assertThat(NikMask.mask("6104015705900001")).isEqualTo("610401******0001");
        assertThat(NikMask.isMasked(NikMask.mask("6104015705900001"))).isTrue();
        assertThat(NikMask.mask(NikMask.mask("6104015705900001"))).isEqualTo("610401******0001");
        assertThat(NikMask.show("6104015705900001", true)).isEqualTo("6104015705900001");
        assertThat(NikMask.mask(null)).isNull();
        assertThat(NikMask.mask("123")).isEqualTo("***");
    }
}
