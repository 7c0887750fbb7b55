package org.newsroom.launcher;

import java.util.Properties;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets {@code -Dnewsroom.<option>=value} (for example {@code -Dnewsroom.kafka-port=19092}) stand in
 * for an option's default, so that scripts and tests can set ports without editing command lines;
 * an option given on the command line still wins.
 */
record SystemPropertyDefaults(Properties properties) implements IDefaultValueProvider {

    static final String PREFIX = "newsroom.";

    @Override
    public @Nullable String defaultValue(ArgSpec argument) {
        if (argument instanceof OptionSpec option && option.longestName().startsWith("--")) {
            String value = properties.getProperty(PREFIX + option.longestName().substring(2));
            if (value != null) {
                return value;
            }
        }
        return argument.defaultValue();
    }
}
