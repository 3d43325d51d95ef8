package io.senseprobe.auth;

import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The TLS setup of one connection, bound in the registry under {@code beanName} (derived from a hash of the
 * PEM contents, so rotated files get a new bean and connections sharing files share one).
 */
public record TlsMaterial(String beanName, SSLContextParameters parameters, List<X509Certificate> clientChain) {
}
