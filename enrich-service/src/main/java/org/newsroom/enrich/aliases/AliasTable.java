package org.newsroom.enrich.aliases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.newsroom.contract.EntityType;
import org.jspecify.annotations.Nullable;

/**
 * Name variants of known entities, loaded once from a versioned tab-separated resource such as
 * {@code entities/aliases-v2.tsv} (columns: alias, qid, name, type, wikipedia, scan) and
 * immutable afterwards.
 *
 * <p>Lookups ignore case and runs of whitespace, because the same name is written "Google
 * DeepMind", "GOOGLE DEEPMIND" or broken across a line. The scan aliases are kept with their exact
 * spelling: the gazetteer matches them case-sensitively, so that "US" finds the country but "us"
 * does not.
 *
 * <p>Rows of the same entity share one {@link KnownEntity} instance, which keeps the table small
 * (a few MB for several thousand aliases).
 */
public final class AliasTable {

    /** Compiled once: every entity of every article is looked up by its normalized names. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");


    private static final int COLUMNS = 6;

    private final String version;
    private final Map<String, KnownEntity> entitiesByAlias;
    private final List<ScanAlias> scanAliases;

    private AliasTable(String version, Map<String, KnownEntity> entitiesByAlias, List<ScanAlias> scanAliases) {
        this.version = version;
        this.entitiesByAlias = Map.copyOf(entitiesByAlias);
        this.scanAliases = List.copyOf(scanAliases);
    }

    /** Loads the table from a classpath resource; its file name without extension is the version. */
    public static AliasTable load(String resource) {
        InputStream in = AliasTable.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("alias table not on the classpath: " + resource);
        }
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        String version = fileName.endsWith(".tsv") ? fileName.substring(0, fileName.length() - 4) : fileName;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(version, reader.lines().toList());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read alias table " + resource, e);
        }
    }

    /** A table from its rows, for tests and tools; {@link #load} reads the shipped one. */
    public static AliasTable parse(String version, List<String> lines) {
        Map<String, KnownEntity> entitiesByAlias = new HashMap<>();
        Map<KnownEntity, KnownEntity> shared = new HashMap<>();
        List<ScanAlias> scanAliases = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != COLUMNS) {
                throw new IllegalArgumentException("alias table row needs " + COLUMNS + " columns: " + line);
            }
            KnownEntity entity = shared.computeIfAbsent(new KnownEntity(emptyToNull(columns[1]), columns[2],
                    EntityType.valueOf(columns[3]), emptyToNull(columns[4])), known -> known);
            if (entitiesByAlias.putIfAbsent(normalize(columns[0]), entity) != null) {
                throw new IllegalArgumentException("duplicate alias in alias table: " + columns[0]);
            }
            if ("yes".equals(columns[5])) {
                scanAliases.add(new ScanAlias(columns[0], entity));
            }
        }
        scanAliases.sort(Comparator.comparingInt((ScanAlias scan) -> scan.alias().length()).reversed()
                .thenComparing(ScanAlias::alias));
        return new AliasTable(version, entitiesByAlias, scanAliases);
    }

    /** The entity known under this name, ignoring case and whitespace differences. */
    public Optional<KnownEntity> lookup(String name) {
        return Optional.ofNullable(entitiesByAlias.get(normalize(name)));
    }

    /** Aliases that may be searched for in running text, longest first. */
    public List<ScanAlias> scanAliases() {
        return scanAliases;
    }

    /** The table's version, such as {@code aliases-v2}, part of the enrichment version. */
    public String version() {
        return version;
    }

    /** Number of aliases. */
    public int size() {
        return entitiesByAlias.size();
    }

    private static String normalize(String name) {
        return WHITESPACE.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static @Nullable String emptyToNull(String column) {
        return column.isEmpty() ? null : column;
    }

    /**
     * An alias the gazetteer may find in running text.
     *
     * @param alias the exact spelling to find
     * @param entity the entity it names
     */
    public record ScanAlias(String alias, KnownEntity entity) {
    }
}
