package org.newsroom.launcher;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a TCP port option, so that a typo is refused by name before anything starts. */
final class PortNumber implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like an out-of-range number
        }
        throw new TypeConversionException("'" + value + "' is not a port: give a number from 1 to 65535");
    }
}
