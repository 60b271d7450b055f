package dev.stevens.memory.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Expand-then-contract, enforced: a migration may not break the release still running next to it.
 * Destructive DDL is only allowed in a file named {@code V<n>__contract_<what>.sql} that is listed
 * in {@code migration-lint/reviewed-contract-migrations.txt} (see docs/migrations.md).
 */
class MigrationLintTest {

    /** Rules on one statement (comments stripped, whitespace collapsed, lower case). */
    record Rule(String name, Pattern pattern) {}

    static final List<Rule> DESTRUCTIVE =
            List.of(
                    new Rule("drops a table", Pattern.compile("\\bdrop\\s+table\\b")),
                    new Rule(
                            "drops a column",
                            Pattern.compile(
                                    "\\balter\\s+table\\b.*\\bdrop\\s+(column\\b|(?!constraint|default|not\\b)\\w+\\s*(,|$|cascade|restrict))")),
                    new Rule(
                            "renames a table or column",
                            Pattern.compile("\\balter\\s+table\\b.*\\brename\\b")),
                    new Rule(
                            "changes a column type",
                            Pattern.compile(
                                    "\\balter\\s+table\\b.*\\balter\\s+(column\\s+)?\\w+\\s+(set\\s+data\\s+)?type\\b")),
                    new Rule(
                            "sets NOT NULL on an existing column",
                            Pattern.compile("\\bset\\s+not\\s+null\\b")),
                    new Rule(
                            "adds a NOT NULL column without a default",
                            Pattern.compile(
                                    "\\badd\\s+(column\\s+)?(?!constraint\\b)\\w+\\s+[^,]*\\bnot\\s+null\\b(?![^,]*\\bdefault\\b)(?![^,]*\\bgenerated\\b)")));

    @Test
    void noMigrationContainsDestructiveDdlOutsideAReviewedContractStep() {
        Set<String> reviewed = reviewed();
        List<String> violations = new ArrayList<>();
        for (Path file : migrationFiles()) {
            String name = file.getFileName().toString();
            boolean allowed = name.contains("__contract_") && reviewed.contains(name);
            for (String statement : statements(read(file))) {
                for (Rule rule : DESTRUCTIVE) {
                    if (rule.pattern().matcher(statement).find() && !allowed) {
                        violations.add(file + ": " + rule.name() + ": " + statement);
                    }
                }
            }
        }
        assertThat(violations)
                .as("destructive DDL outside a reviewed __contract_ migration")
                .isEmpty();
    }

    @Test
    void theLintRecognisesEveryKindOfDestructiveStatement() {
        for (String sql :
                List.of(
                        "drop table memories;",
                        "alter table memories drop column text;",
                        "ALTER TABLE memories DROP text;",
                        "alter table memories rename column text to body;",
                        "alter table memories rename to notes;",
                        "alter table memories alter column version type int;",
                        "alter table memories alter column version set data type int;",
                        "alter table memories alter column scope set not null;",
                        "alter table memories add column owner text not null;",
                        "alter table memories add owner uuid NOT NULL references households(id);")) {
            assertThat(
                            statements(sql).stream()
                                    .anyMatch(
                                            s ->
                                                    DESTRUCTIVE.stream()
                                                            .anyMatch(
                                                                    r ->
                                                                            r.pattern()
                                                                                    .matcher(s)
                                                                                    .find())))
                    .as(sql)
                    .isTrue();
        }
        for (String sql :
                List.of(
                        "create table t (id uuid not null, name text not null);",
                        "alter table memories add column archived boolean not null default false;",
                        "alter table memories add column scope text;",
                        "alter table memories drop constraint x;", // loosening is safe
                        "alter table memories alter column scope drop not null;",
                        "alter table memories add column search tsvector generated always as (to_tsvector('english', text)) stored;",
                        "-- drop table memories\ncreate index i on memories (scope);")) {
            assertThat(
                            statements(sql).stream()
                                    .noneMatch(
                                            s ->
                                                    DESTRUCTIVE.stream()
                                                            .anyMatch(
                                                                    r ->
                                                                            r.pattern()
                                                                                    .matcher(s)
                                                                                    .find())))
                    .as(sql)
                    .isTrue();
        }
    }

    /** This module's migrations plus, when the repository is checked out, every other service's. */
    static List<Path> migrationFiles() {
        Path module = Path.of("").toAbsolutePath();
        Path root = module.getParent();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> services = Files.list(root)) {
            for (Path service : services.toList()) {
                Path migrations = service.resolve("src/main/resources/db/migration");
                if (Files.isDirectory(migrations)) {
                    try (Stream<Path> walk = Files.walk(migrations)) {
                        walk.filter(p -> p.toString().endsWith(".sql"))
                                .sorted()
                                .forEach(files::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(files)
                .as("migrations under " + root)
                .anyMatch(p -> p.toString().contains("db/migration/memory"));
        return files;
    }

    static List<String> statements(String sql) {
        String withoutComments =
                sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
        return Stream.of(withoutComments.split(";"))
                .map(s -> s.replaceAll("\\s+", " ").trim().toLowerCase(java.util.Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Set<String> reviewed() {
        try (var in =
                MigrationLintTest.class.getResourceAsStream(
                        "/migration-lint/reviewed-contract-migrations.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
