package org.stet.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

  @Test
  void keepsDataAcrossRestartsInTheSameFolder(@TempDir Path folder) throws SQLException {
    Path dataDir = folder.resolve("postgres");
    try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir);
        Connection connection = DriverManager.getConnection(first.jdbcUrl())) {
      connection.createStatement().execute("create table kept (note text)");
      connection.createStatement().execute("insert into kept values ('still here')");
    }

    try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir);
        Connection connection = DriverManager.getConnection(second.jdbcUrl());
        ResultSet rows = connection.createStatement().executeQuery("select note from kept")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("still here");
    }
  }

  @Test
  void ephemeralDatabaseLeavesNoFolderBehind() throws SQLException {
    Path dataDir;
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
        Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
      dataDir = database.dataDir();
      assertThat(connection.isValid(5)).isTrue();
    }
    assertThat(Files.exists(dataDir)).isFalse();
  }
}
