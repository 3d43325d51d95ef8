package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionKeys.APIKEY;
import static io.senseprobe.definition.DefinitionKeys.TENANT_HOST;

import java.nio.file.Path;

/** The keys of a Qlik Cloud tenant connection: tenant host and API key. */
final class CloudRules {

    private CloudRules() {
    }

    static Definition definition(ConnectionValues values, ConnectionValidator.Common common, CertFiles certFiles) {
        HostNames.HostAndPort tenant = values.required(TENANT_HOST, "qscloud connections")
                .map(text -> tenantHost(values, text)).orElse(null);
        String apikey = values.required(APIKEY, "qscloud connections").orElse(null);
        // Qlik Cloud has a public certificate: a root CA file is only used when given (e.g. for an inspecting proxy)
        Path rootFile = certFiles.rootCertificate(false, false);
        return new Definition(common.name(), Target.QSCLOUD, tenant == null ? null : tenant.host(),
                tenant == null ? HostNames.HTTPS_PORT : tenant.port(), "", AuthType.APIKEY, null, null, null, null, rootFile,
                null, null, Secret.of(apikey), common.secure(), common.timeout(), common.overrides(), common.source());
    }

    private static HostNames.HostAndPort tenantHost(ConnectionValues values, String text) {
        try {
            return HostNames.tenantHost(text);
        } catch (InvalidValueException e) {
            values.problem(TENANT_HOST, e.getMessage(), e.fix());
            return null;
        }
    }
}
