package org.almoner.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The database itself keeps the ledger whole: what the code promises, PostgreSQL enforces. */
@PlatformTest
class LedgerIntegrityTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    DataSource application;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    Reconciliation reconciliation;

    private ActiveBudgets.ActiveBudget budget;

    @BeforeEach
    void startABudgetAndPay() {
        TestWorld.on(port, accounts);
        budget = ActiveBudgets.start(port, "coordinator", "approver");
        Api.as(port, "coordinator").withKey(UUID.randomUUID().toString()).post("/api/budgets/" + budget.budget() + "/payments",
                Map.of("from", "NOTIONAL", "payee", "DCA01", "amount", "40.00", "planLine", 1, "description", "Home care"));
    }

    @Test
    void theApplicationsRoleCanNeitherChangeNorRemovePostings() {
        assertThatThrownBy(() -> execute(application, "UPDATE ledger_postings SET amount = amount * 2"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> execute(application, "DELETE FROM ledger_postings"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> execute(application, "DELETE FROM audit_events"))
                .hasMessageContaining("permission denied");
    }

    @Test
    void evenTheOwnerCannotChangeAPostingOrTheTrail() {
        assertThatThrownBy(() -> execute(postgres.getPostgresDatabase(), "UPDATE ledger_postings SET amount = amount * 2"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute(postgres.getPostgresDatabase(), "UPDATE audit_events SET username = 'someone else'"))
                .hasMessageContaining("append-only");
    }

    @Test
    void aTransactionThatDoesNotNetToZeroCannotCommit() {
        assertThatThrownBy(() -> execute(application, """
                INSERT INTO ledger_transactions (id, budget_id, sequence, kind, description, idempotency_key, request_hash, effective_on,
                                                 recorded_by, recorded_at, previous_hash, hash)
                VALUES ('%1$s', '%2$s', 999999, 'PROVIDER_PAYMENT', 'forged', 'forged-%1$s', 'x', current_date, 'someone', now(), '\\x00', '\\x00');
                INSERT INTO ledger_postings (transaction_id, account_id, amount)
                SELECT '%1$s', id, 50.00 FROM ledger_accounts WHERE budget_id = '%2$s' AND kind = 'BUDGET_NOTIONAL';
                """.formatted(UUID.randomUUID(), budget.budget())))
                .hasMessageContaining("does not balance");
    }

    @Test
    void aTransactionWrittenWithItsPostingsInOneStatementMustNetToZeroToo() {
        // The ledger writes a payment, its postings and its balances in one statement, as here.
        assertThatThrownBy(() -> execute(application, """
                WITH posted AS (
                    INSERT INTO ledger_transactions (id, budget_id, sequence, kind, description, idempotency_key, request_hash, effective_on,
                                                     recorded_by, recorded_at, previous_hash, hash)
                    VALUES ('%1$s', '%2$s', 999998, 'PROVIDER_PAYMENT', 'forged', 'forged-%1$s', 'x', current_date, 'someone', now(), '\\x00', '\\x00'))
                INSERT INTO ledger_postings (transaction_id, account_id, amount)
                SELECT '%1$s', id, CASE kind WHEN 'BUDGET_NOTIONAL' THEN -50.00 ELSE 49.99 END FROM ledger_accounts
                WHERE budget_id = '%2$s' AND kind IN ('BUDGET_NOTIONAL', 'DIRECT_PAYMENT_SPENT');
                """.formatted(UUID.randomUUID(), budget.budget())))
                .hasMessageContaining("does not balance");
    }

    @Test
    void everyStatementMustLeaveTheTransactionsItTouchesBalanced() {
        // Two statements that would net to zero together: the first already leaves its transaction unbalanced.
        assertThatThrownBy(() -> execute(application, """
                INSERT INTO ledger_transactions (id, budget_id, sequence, kind, description, idempotency_key, request_hash, effective_on,
                                                 recorded_by, recorded_at, previous_hash, hash)
                VALUES ('%1$s', '%2$s', 999997, 'PROVIDER_PAYMENT', 'forged', 'forged-%1$s', 'x', current_date, 'someone', now(), '\\x00', '\\x00');
                INSERT INTO ledger_postings (transaction_id, account_id, amount)
                SELECT '%1$s', id, 10.00 FROM ledger_accounts WHERE budget_id = '%2$s' AND kind = 'BUDGET_NOTIONAL';
                INSERT INTO ledger_postings (transaction_id, account_id, amount)
                SELECT '%1$s', id, -10.00 FROM ledger_accounts WHERE budget_id = '%2$s' AND kind = 'DIRECT_PAYMENT_SPENT';
                """.formatted(UUID.randomUUID(), budget.budget())))
                .hasMessageContaining("does not balance");
    }

    @Test
    void reconciliationFindsAnEditedPostingAndARemovedTransaction() throws SQLException {
        assertThat(reconciliation.run().clean()).isTrue();
        DataSource owner = postgres.getPostgresDatabase();
        String payment = "(SELECT id FROM ledger_transactions WHERE budget_id = '" + budget.budget() + "' AND sequence = 2)";
        try {
            // Someone with the owner's password turns the triggers off and edits a posting.
            execute(owner, "SET session_replication_role = replica; UPDATE ledger_postings SET amount = sign(amount) * 400 WHERE transaction_id = "
                    + payment);
            Reconciliation.Report edited = reconciliation.run();
            assertThat(edited.clean()).isFalse();
            assertThat(edited.drifts()).anySatisfy(drift -> assertThat(drift).contains(budget.budget().toString()));
            assertThat(edited.brokenChains()).anySatisfy(broken -> assertThat(broken).contains("was changed"));
        } finally {
            execute(owner, "SET session_replication_role = replica; UPDATE ledger_postings SET amount = sign(amount) * 40 WHERE transaction_id = "
                    + payment);
        }
        assertThat(reconciliation.run().clean()).isTrue();
        try {
            execute(owner, "SET session_replication_role = replica; CREATE TEMP TABLE kept_postings AS SELECT * FROM ledger_postings WHERE transaction_id = "
                    + payment + "; CREATE TEMP TABLE kept_transaction AS SELECT * FROM ledger_transactions WHERE id = " + payment + ";"
                    + " CREATE TABLE removed_postings AS SELECT * FROM kept_postings; CREATE TABLE removed_transaction AS SELECT * FROM kept_transaction;"
                    + " DELETE FROM ledger_postings WHERE transaction_id IN (SELECT id FROM kept_transaction);"
                    + " DELETE FROM ledger_transactions WHERE id IN (SELECT id FROM kept_transaction);");
            Reconciliation.Report removed = reconciliation.run();
            assertThat(removed.brokenChains()).anySatisfy(broken -> assertThat(broken).contains("removed"));
        } finally {
            execute(owner, "SET session_replication_role = replica; INSERT INTO ledger_transactions SELECT * FROM removed_transaction;"
                    + " INSERT INTO ledger_postings SELECT * FROM removed_postings; DROP TABLE removed_postings; DROP TABLE removed_transaction;");
        }
        assertThat(reconciliation.run().clean()).isTrue();
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
