package dev.annals.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads process and machine facts from /proc. */
final class Proc {
    /** USER_HZ: Linux reports /proc/<pid>/stat times in 1/100 s. */
    private static final double TICKS = 100.0;

    private Proc() {}

    /** utime + stime of a process (fields 14 and 15 of /proc/pid/stat), seconds; -1 when unreadable. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The 1-minute load average. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** MemTotal in GiB. */
    static double memoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return -1;
    }

    /** PRETTY_NAME of /etc/os-release plus the kernel. */
    static String os() {
        String name = System.getProperty("os.name");
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    name = line.substring(12).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // keep os.name
        }
        return name + ", kernel " + System.getProperty("os.version");
    }

    /** The model name of the first CPU. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return "?";
    }
}
