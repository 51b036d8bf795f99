package dev.visionary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.config.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which address a request is counted against, for each way TRUSTED_PROXIES can be set. */
class TrustedProxiesTest {

  private static TrustedProxies configured(String value) {
    return TrustedProxies.fromConfig(Config.from(Map.of("TRUSTED_PROXIES", value)));
  }

  @Test
  void unsetBelievesNoHeaderAtAll() {
    TrustedProxies none = TrustedProxies.fromConfig(Config.from(Map.of()));
    assertEquals("192.0.2.1", none.clientAddress("192.0.2.1", List.of("203.0.113.5"), List.of("for=203.0.113.6")));
    assertFalse(none.isHttps("192.0.2.1", "http", List.of("https")));
  }

  @Test
  void aListedProxysChainIsReadFromTheRightUpToTheFirstAddressNotListed() {
    TrustedProxies proxies = configured("10.0.0.0/8, 192.168.1.7");
    assertEquals("203.0.113.5", proxies.clientAddress("10.1.2.3", List.of("198.51.100.1, 203.0.113.5, 192.168.1.7, 10.9.9.9"), List.of()),
        "what the client wrote itself (198.51.100.1) is left of the first address our proxies did not add");
    assertEquals("203.0.113.5", proxies.clientAddress("10.1.2.3", List.of("198.51.100.1", "203.0.113.5"), List.of()), "several header lines are one list");
    assertEquals("198.51.100.9", proxies.clientAddress("198.51.100.9", List.of("203.0.113.5"), List.of()), "a peer not listed is the client");
    assertEquals("10.1.2.3", proxies.clientAddress("10.1.2.3", List.of("203.0.113.5, not-an-address"), List.of()),
        "an entry that is not an address means the chain cannot be believed: the peer counts");
    assertEquals("10.1.2.3", proxies.clientAddress("10.1.2.3", List.of("9".repeat(3_000)), List.of()));
    assertEquals("10.1.2.3", proxies.clientAddress("10.1.2.3", List.of("999.1.1.1"), List.of()), "dotted but not an address");
    assertEquals("10.1.2.3", proxies.clientAddress("10.1.2.3", List.of("localhost"), List.of()), "a name is not looked up");
    assertEquals("10.0.0.1", proxies.clientAddress("10.1.2.3", List.of("10.0.0.1, 10.0.0.2"), List.of()), "a request from inside");
  }

  @Test
  void rfc7239ForwardedIsReadWhenThereIsNoXForwardedFor() {
    TrustedProxies proxies = configured("127.0.0.1");
    assertEquals("2001:db8:cafe:0:0:0:0:17", proxies.clientAddress("127.0.0.1", List.of(),
        List.of("for=198.51.100.1;proto=http, for=\"[2001:db8:cafe::17]:4711\";proto=https")));
    assertEquals("192.0.2.60", proxies.clientAddress("127.0.0.1", List.of(), List.of("For=\"192.0.2.60:8080\";by=203.0.113.43")));
  }

  @Test
  void starTrustsThePeerWhateverItsAddressAndTakesTheEntryItAppended() {
    TrustedProxies heroku = configured("*");
    assertEquals("203.0.113.5", heroku.clientAddress("10.45.6.7", List.of("198.51.100.1, 203.0.113.5"), List.of()));
    assertEquals("10.45.6.7", heroku.clientAddress("10.45.6.7", List.of("198.51.100.1, junk"), List.of()));
    assertTrue(heroku.isHttps("10.45.6.7", "http", List.of("http, https")), "the last X-Forwarded-Proto is the proxy's own");
    assertFalse(heroku.isHttps("10.45.6.7", "http", List.of("https, http")));
  }

  @Test
  void anythingButAddressesRangesOrAStarStopsStartUpNamingTheVariable() {
    for (String bad : List.of("proxy.example.com", "10.0.0.0/33", "10.0.0.0/x", "1.2.3", "*, 10.0.0.1", "::1/129", "10.0.0.256")) {
      Config.Invalid e = assertThrows(Config.Invalid.class, () -> configured(bad), bad);
      assertTrue(e.getMessage().startsWith("TRUSTED_PROXIES "), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
    assertEquals("2001:db9:0:0:0:0:0:1", configured("::1, 2001:db8::/32").clientAddress("0:0:0:0:0:0:0:1", List.of("2001:db9::1, 2001:db8::5"), List.of()),
        "IPv6 addresses and ranges work like IPv4 ones");
  }
}
