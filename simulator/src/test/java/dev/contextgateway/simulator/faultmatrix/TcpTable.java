package dev.contextgateway.simulator.faultmatrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets of the network namespace, read from {@code /proc/net/tcp} and {@code tcp6}
 * (Linux), so that a test can tell this process's client-side connections to a port from the
 * server-side ones on it.
 */
final class TcpTable {
  private TcpTable() {}

  /** One socket: local and remote port, kernel state name, inode. */
  record Socket(int localPort, int remotePort, String state, long inode) {
    @Override
    public String toString() {
      return "tcp " + localPort + "->" + remotePort + " " + state;
    }
  }

  /** Every TCP socket of the namespace (of any process). */
  static List<Socket> read() {
    List<Socket> sockets = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(table));
      } catch (NoSuchFileException absent) {
        continue; // no IPv6 in this namespace
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length > 9) {
          sockets.add(new Socket(port(fields[1]), port(fields[2]), state(fields[3]), Long.parseLong(fields[9])));
        }
      }
    }
    return sockets;
  }

  /** This process's connections whose remote end is {@code port}: client side. */
  static List<Socket> clientConnectionsTo(int port, Set<Long> ownInodes) {
    return read().stream().filter(s -> ownInodes.contains(s.inode()) && s.remotePort() == port).toList();
  }

  /** This process's connections accepted on {@code port} (not the listening socket): server side. */
  static List<Socket> serverConnectionsOn(int port, Set<Long> ownInodes) {
    return read().stream()
        .filter(s -> ownInodes.contains(s.inode()) && s.localPort() == port && !s.state().equals("LISTEN"))
        .toList();
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
  }

  private static String state(String hex) {
    return switch (Integer.parseInt(hex, 16)) {
      case 0x01 -> "ESTABLISHED";
      case 0x02 -> "SYN_SENT";
      case 0x03 -> "SYN_RECV";
      case 0x04 -> "FIN_WAIT1";
      case 0x05 -> "FIN_WAIT2";
      case 0x06 -> "TIME_WAIT";
      case 0x07 -> "CLOSE";
      case 0x08 -> "CLOSE_WAIT";
      case 0x09 -> "LAST_ACK";
      case 0x0A -> "LISTEN";
      case 0x0B -> "CLOSING";
      default -> "STATE_" + hex;
    };
  }
}
