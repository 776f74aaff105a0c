package dev.contextgateway.reports.run;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The machine and JVM a run was measured on, and when.
 *
 * @param cores the processors available to the JVM ({@link Runtime#availableProcessors()})
 * @param jvmVendor {@code java.vm.vendor}
 * @param jvmVersion {@code java.runtime.version}
 * @param jvmName {@code java.vm.name}
 * @param os operating system name, version and architecture
 * @param date when the run started, ISO-8601 with offset ({@code 2025-06-01T12:00:00Z}); the only
 *     time the report shows, so regenerating a report changes nothing
 */
public record MachineInfo(
    int cores, String jvmVendor, String jvmVersion, String jvmName, String os, String date) {

  /** Validates every component. */
  public MachineInfo {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be positive, was " + cores);
    }
    Names.nonBlank("jvmVendor", jvmVendor);
    Names.nonBlank("jvmVersion", jvmVersion);
    Names.nonBlank("jvmName", jvmName);
    Names.nonBlank("os", os);
    Names.nonBlank("date", date);
    try {
      OffsetDateTime.parse(date, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "date must be an ISO-8601 date-time with offset such as 2025-06-01T12:00:00Z, was '"
              + date
              + "'",
          e);
    }
  }

  /**
   * Describes this JVM and machine, dated now by {@code clock} (to the second).
   *
   * @param clock the clock that dates the run; pass a fixed clock in tests
   */
  public static MachineInfo current(Clock clock) {
    String os =
        System.getProperty("os.name", "unknown")
            + " "
            + System.getProperty("os.version", "")
            + " "
            + System.getProperty("os.arch", "");
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.vendor", "unknown"),
        System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown")),
        System.getProperty("java.vm.name", "unknown"),
        os.trim().replaceAll("\\s+", " "),
        OffsetDateTime.now(clock)
            .truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }
}
