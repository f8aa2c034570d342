package id.lindung.access.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentUser;
import id.lindung.access.KeyPolicy;
import id.lindung.access.LindungUser;
import id.lindung.shared.crypto.KeyRotation;
import id.lindung.shared.crypto.Vault;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The encryption keys of personal data, for administrators of the whole province: which keys the keyring holds,
 * how many values each key protects, and the re-encryption after a new key was added to the keyring.
 */
@RestController
@RequestMapping("/api/admin/keys")
@Tag(
        name = "Key API",
        description = "Keys that encrypt personal data (the keys themselves never leave the keyring" + " file)")
@SecurityRequirement(name = "basicAuth")
@SecurityRequirement(name = "bearerAuth")
class KeyApi {

    private final Vault vault;
    private final KeyRotation rotation;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    KeyApi(
            Vault vault,
            KeyRotation rotation,
            CurrentUser currentUser,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.vault = vault;
        this.rotation = rotation;
        this.currentUser = currentUser;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    record KeyStatus(
            int currentDataKey,
            List<Integer> dataKeys,
            int currentIndexKey,
            List<Integer> indexKeys,
            Map<String, Map<String, Long>> valuesPerKey) {}

    @GetMapping
    @Operation(summary = "Key numbers held and, per encrypted column, how many values each key protects")
    KeyStatus status() {
        requireProvinceAdmin();
        return new KeyStatus(
                vault.keyring().currentDataKey(),
                List.copyOf(vault.keyring().dataKeyVersions()),
                vault.keyring().currentIndexKey(),
                List.copyOf(vault.keyring().indexKeyVersions()),
                rotation.census());
    }

    @PostMapping("/rotation")
    @Operation(
            summary = "Re-encrypt every value under the current keys (after adding a key to the keyring and"
                    + " restarting); safe to repeat, batches of 1,000 rows; answers the rows rewritten per column")
    Map<String, Long> rotate() {
        LindungUser me = requireProvinceAdmin();
        Map<String, Long> rewritten = rotation.run();
        Map<String, Object> values = new LinkedHashMap<>(rewritten);
        values.put("dataKey", vault.keyring().currentDataKey());
        values.put("indexKey", vault.keyring().currentIndexKey());
        tx.executeWithoutResult(status -> audit.record(
                "KEYS_ROTATED",
                "keyring",
                Integer.toString(vault.keyring().currentDataKey()),
                me.scope().code(),
                values));
        return rewritten;
    }

    private LindungUser requireProvinceAdmin() {
        return KeyPolicy.checkManage(currentUser.require());
    }
}
