package ar.gob.anses.clavess.verificacion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LimitePorDireccionStoreTest {

    @DisplayName("given IPv4 addresses, then each is counted as it is")
    @Test
    void ipv4() {
        assertThat(LimitePorDireccionStore.clave("127.20.0.1")).isEqualTo("127.20.0.1");
        assertThat(LimitePorDireccionStore.clave("200.45.1.9")).isNotEqualTo(LimitePorDireccionStore.clave("200.45.1.10"));
    }

    @DisplayName("given IPv6 addresses, then those of one /64 network share a count and another network has its own")
    @Test
    void ipv6PorRed() {
        String una = LimitePorDireccionStore.clave("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertThat(una).isEqualTo(LimitePorDireccionStore.clave("2001:0db8:0001:0002::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LimitePorDireccionStore.clave("[2001:db8:1:2::5]")).isEqualTo(una);
        assertThat(LimitePorDireccionStore.clave("2001:db8:1:3::1")).isNotEqualTo(una);
        assertThat(LimitePorDireccionStore.clave("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
    }

    @DisplayName("given no address or a malformed one, then a key of bounded length, never a lookup or an exception")
    @Test
    void malformada() {
        assertThat(LimitePorDireccionStore.clave(null)).isEqualTo("-");
        assertThat(LimitePorDireccionStore.clave("")).isEqualTo("-");
        assertThat(LimitePorDireccionStore.clave("zz:" + "x".repeat(200))).hasSizeLessThanOrEqualTo(64);
    }
}
