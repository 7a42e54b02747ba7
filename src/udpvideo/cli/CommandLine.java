package udpvideo.cli;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Options as the user typed them: {@code --name value}, {@code --name=value} or a bare {@code --flag}.
 *
 * <p>Knows which names exist, so an unknown option or a missing value fails with a message naming it. The typed
 * getters check ranges and say what was expected and what arrived.
 */
public final class CommandLine {
    /** Option name to its value; flags map to "". */
    private final Map<String, String> values = new HashMap<>();

    private CommandLine() {
    }

    /**
     * Parses {@code args} against the known option names.
     *
     * @param valued options that take a value, such as {@code --port}
     * @param flags  options that stand alone, such as {@code --headless}
     */
    public static CommandLine parse(String[] args, Set<String> valued, Set<String> flags) throws UsageException {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "' (options start with --; see --help)");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (flags.contains(name)) {
                if (equals >= 0) {
                    throw new UsageException(name + " takes no value, was given '" + arg.substring(equals + 1) + "'");
                }
                value = "";
            } else if (valued.contains(name)) {
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw new UsageException(name + " needs a value (see --help)");
                }
            } else {
                throw new UsageException("unknown option " + name + " (see --help)");
            }
            if (line.values.put(name, value) != null) {
                throw new UsageException(name + " is given more than once");
            }
        }
        return line;
    }

    /** Whether the option was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The option's text, or {@code fallback} when it was not given. */
    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The option as a whole number in {@code min..max}, or {@code fallback} when it was not given. */
    public long whole(String name, long fallback, long min, long max) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number " + min + ".." + max + ", was '" + value + "'");
        }
        if (number < min || number > max) {
            boolean isUnbounded = max == Long.MAX_VALUE; // an int's limit is a real one: say it
            throw new UsageException(name + (isUnbounded ? " must be at least " + min : " must be " + min + ".." + max)
                    + ", was " + number);
        }
        return number;
    }

    /** The option as a decimal number in {@code min..max}, or {@code fallback} when it was not given. */
    public double decimal(String name, double fallback, double min, double max) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number " + format(min) + ".." + format(max)
                    + ", was '" + value + "'");
        }
        if (!(number >= min && number <= max)) {
            throw new UsageException(name + " must be " + format(min) + ".." + format(max) + ", was " + value);
        }
        return number;
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : String.format(Locale.ROOT, "%s", number);
    }
}
