package dev.visionary.web;

import dev.visionary.config.Config;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose forwarding headers are believed ({@code TRUSTED_PROXIES}). A header any client can
 * write is only evidence when the connection comes from a proxy we run: otherwise rotating
 * {@code X-Forwarded-For} would give an attacker a fresh address for every rate limit.
 *
 * <p>Empty (the default): no header is believed, the client is the socket's peer. A list of addresses and
 * CIDR ranges: when the peer is in it, {@code X-Forwarded-For} (or, when absent, RFC 7239 {@code Forwarded})
 * is read from the right, skipping listed addresses, and the first one not listed is the client. {@code *}:
 * the peer is always our proxy, whatever its address (Heroku's router, whose addresses vary and are not
 * published), and the last entry it appended is the client.
 */
public final class TrustedProxies {
  private static final String VARIABLE = "TRUSTED_PROXIES";
  /** Entries are addresses, never host names: nothing here may wait on DNS. */
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  /** An address in a header is never longer than this; a longer entry is garbage, not worth parsing. */
  private static final int MAX_ENTRY = 64;

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest);
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final boolean anyPeer;
  private final List<Range> ranges;

  private TrustedProxies(boolean anyPeer, List<Range> ranges) {
    this.anyPeer = anyPeer;
    this.ranges = List.copyOf(ranges);
  }

  /** Trusts no header: the client is always the socket's peer. */
  public static TrustedProxies none() {
    return new TrustedProxies(false, List.of());
  }

  public static TrustedProxies fromConfig(Config config) {
    return config.web().trustedProxies().map(TrustedProxies::parse).orElseGet(TrustedProxies::none);
  }

  /** Parses the setting; an entry that is not an address, a CIDR range or {@code *} stops start-up. */
  static TrustedProxies parse(String raw) {
    if (raw.trim().equals("*")) {
      return new TrustedProxies(true, List.of());
    }
    List<Range> ranges = new ArrayList<>();
    for (String part : raw.split(",")) {
      String entry = part.trim();
      if (entry.isEmpty()) {
        continue;
      }
      ranges.add(range(entry).orElseThrow(() -> new Config.Invalid(VARIABLE
          + " must be a comma-separated list of IP addresses and CIDR ranges (like 10.0.0.0/8), or * behind Heroku's router; \""
          + entry + "\" is neither")));
    }
    return new TrustedProxies(false, ranges);
  }

  private static Optional<Range> range(String entry) {
    int slash = entry.indexOf('/');
    Optional<byte[]> address = address(slash < 0 ? entry : entry.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int bits = address.get().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String digits = entry.substring(slash + 1);
      if (!digits.matches("\\d{1,3}")) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(digits);
      if (prefix > bits) {
        return Optional.empty();
      }
    }
    return Optional.of(new Range(address.get(), prefix));
  }

  /** The bytes of an IP literal; anything else (a host name, garbage) is empty, and is never looked up. */
  static Optional<byte[]> address(String literal) {
    String s = literal.trim();
    if (s.isEmpty() || s.length() > MAX_ENTRY) {
      return Optional.empty();
    }
    if (IPV4.matcher(s).matches()) {
      // Parsed here: the JDK would send a dotted string that is not an address (999.1.1.1) to DNS.
      String[] parts = s.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(parts[i]);
        if (octet > 255) {
          return Optional.empty();
        }
        bytes[i] = (byte) octet;
      }
      return Optional.of(bytes);
    }
    if (!IPV6.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      // A string with a colon is parsed as an IPv6 literal or refused, never resolved.
      return Optional.of(InetAddress.getByName(s).getAddress());
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  private boolean listed(byte[] address) {
    return ranges.stream().anyMatch(r -> r.contains(address));
  }

  /** Whether forwarding headers on a connection from {@code peer} are believed. */
  boolean trusts(String peer) {
    if (anyPeer) {
      return true;
    }
    return !ranges.isEmpty() && address(strip(peer)).map(this::listed).orElse(false);
  }

  /**
   * The client's address for a request from {@code peer} carrying these {@code X-Forwarded-For} and
   * {@code Forwarded} header lines (in the order received).
   */
  String clientAddress(String peer, List<String> forwardedFor, List<String> forwarded) {
    if (!trusts(peer)) {
      return peer;
    }
    List<String> hops = !forwardedFor.isEmpty() ? entries(forwardedFor) : forwardedFor(forwarded);
    if (hops.isEmpty()) {
      return peer;
    }
    if (anyPeer) {
      return canonical(hops.get(hops.size() - 1)).orElse(peer);
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<byte[]> hop = address(strip(hops.get(i)));
      if (hop.isEmpty()) {
        // Our own proxies write addresses; anything else was written by the client. Believe nothing of it.
        return peer;
      }
      if (!listed(hop.get())) {
        return canonical(hops.get(i)).orElse(peer);
      }
    }
    // Every hop is one of ours: the request started inside.
    return canonical(hops.get(0)).orElse(peer);
  }

  /** Whether the browser used HTTPS to reach {@code peer}, from the proxy's {@code X-Forwarded-Proto} when trusted. */
  boolean isHttps(String peer, String scheme, List<String> forwardedProto) {
    if (trusts(peer) && !forwardedProto.isEmpty()) {
      List<String> values = entries(forwardedProto);
      // The nearest proxy's word is the last one: a client may have sent its own before it.
      return !values.isEmpty() && values.get(values.size() - 1).toLowerCase(Locale.ROOT).equals("https");
    }
    return "https".equals(scheme);
  }

  private static List<String> entries(List<String> lines) {
    List<String> entries = new ArrayList<>();
    for (String line : lines) {
      for (String part : line.split(",")) {
        entries.add(part.trim());
      }
    }
    return entries;
  }

  /** The {@code for=} value of each element of RFC 7239 {@code Forwarded} lines, left to right. */
  private static List<String> forwardedFor(List<String> lines) {
    List<String> hops = new ArrayList<>();
    for (String element : entries(lines)) {
      String found = "";
      for (String pair : element.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase("for")) {
          found = pair.substring(eq + 1).trim();
        }
      }
      hops.add(found);
    }
    return hops;
  }

  /** An entry without quotes, brackets or port: {@code "[2001:db8::1]:4711"} and {@code 192.0.2.1:80} become bare addresses. */
  private static String strip(String entry) {
    String s = entry.trim();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      return close < 0 ? s : s.substring(1, close);
    }
    int colon = s.indexOf(':');
    if (colon >= 0 && colon == s.lastIndexOf(':')) {
      return s.substring(0, colon);
    }
    return s;
  }

  /** The address as the JDK writes it, so one client has one spelling in limiter keys and logs. */
  private static Optional<String> canonical(String entry) {
    return address(strip(entry)).flatMap(bytes -> {
      try {
        return Optional.of(InetAddress.getByAddress(bytes).getHostAddress());
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    });
  }
}
