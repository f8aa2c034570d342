package id.lindung.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context that the identity red team (BulkReadAttackTest, ImpersonationAttackTest) and
 * ReadBudgetTest share, on a random port: four eyes from Rp50.000.000, and small read budgets an hour (60 rows for an
 * analyst or a bank officer, 40 for an agent) so that a test reaches them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lindung.test.context=redteam-identity", "lindung.claim.four-eyes-threshold=50000000",
            "lindung.reads.rows-per-hour.gov-analyst=60", "lindung.reads.rows-per-hour.bank-officer=60",
            "lindung.reads.rows-per-hour.agent=40"
        })
@ActiveProfiles("test")
public @interface RedTeamIdentityContext {}
