package org.chipplace.api.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The Flyway upgrade of a database created before LEF/DEF designs (schema V1): its designs become
 * Bookshelf designs, and the new columns exist. {@code PostgresLefDefTest} runs the same upgrade
 * on PostgreSQL.
 */
public class MigrationTest {

    /** Inserts a Bookshelf design row as schema V1 knows it. */
    public static void insertV1Design(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into design (id, name, aux_path, checksum, size_bytes, "
                + "nodes, nets, pins, movable, macros, cells, fixed_nodes, core_xl, core_yl, core_xh, core_yh, "
                + "created_at) values (?, 'old', 'old.aux', ?, 10, 3, 2, 4, 2, 0, 2, 1, 0, 0, 10, 10, ?)")) {
            s.setObject(1, id);
            s.setString(2, "0".repeat(64));
            s.setObject(3, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    /** Migrates the database at {@code url} to schema version {@code target} ("latest" for all). */
    public static void migrate(String url, String user, String password, String target) {
        Flyway.configure().dataSource(url, user, password).target(target).load().migrate();
    }

    @Test
    void aDesignStoredBeforeTheLefDefMigrationIsBookshelfAfterIt() throws SQLException {
        String url = "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        UUID id = UUID.randomUUID();
        migrate(url, "sa", "", "1");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            insertV1Design(c, id);
        }
        migrate(url, "sa", "", "latest");
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement s = c.prepareStatement("select format, lef_paths from design where id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString("format")).isEqualTo("bookshelf");
                assertThat(r.getString("lef_paths")).isNull();
            }
            try (ResultSet r = c.createStatement().executeQuery("select placement_def_gz from job_result")) {
                assertThat(r.next()).isFalse();
            }
        }
    }
}
