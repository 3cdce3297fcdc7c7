package io.spareflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SharedTestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The default profile keeps real data in its embedded PostgreSQL: a returned commit is on disk. */
class EmbeddedDurabilityTest {

    @Test
    void theDefaultProfilesDatabaseSyncsEveryCommit() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start(
                new EmbeddedPostgresConfiguration.EmbeddedPostgresProperties(true, 0, null))) {
            DataSource db = postgres.getPostgresDatabase();
            assertThat(setting(db, "fsync")).isEqualTo("on");
            assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(db, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void onlyTheTestDatabaseTradesDurabilityForSpeed() throws Exception {
        DataSource test = SharedTestDatabase.postgres().getPostgresDatabase();
        assertThat(setting(test, "fsync")).isEqualTo("off");
        assertThat(setting(test, "synchronous_commit")).isEqualTo("off");
    }

    private static String setting(DataSource db, String name) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }
}
