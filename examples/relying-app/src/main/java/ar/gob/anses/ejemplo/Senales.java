package ar.gob.anses.ejemplo;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The app's Shared Signals receiver (OpenID SSF 1.0, CAEP): its service account registers one poll stream (RFC 8936:
 * no public endpoint needed, it works behind any NAT) or reuses the one it has, polls it every few seconds, verifies
 * each Security Event Token, acknowledges it, and hands each new one to the app once.
 */
@SuppressWarnings("unchecked") // JSON objects and arrays as the JOSE library parses them: maps and lists
final class Senales {

    static final String CREDENCIAL_CAMBIADA = "https://schemas.openid.net/secevent/caep/event-type/credential-change";
    static final String SESION_REVOCADA = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";
    static final String NIVEL_CAMBIADO = "https://schemas.openid.net/secevent/caep/event-type/assurance-level-change";
    private static final String POLL = "urn:ietf:rfc:8936";
    private static final Duration CADA = Duration.ofSeconds(2);

    /** One verified signal: its event type (URI), the citizen's {@code sub} (as in her ID token) and the event's members. */
    record Senal(String jti, String tipo, String sub, Map<String, Object> evento) {
    }

    private final OIDCProviderMetadata op;
    private final ClientID clientId;
    private final Secret secret;
    private final JWKSource<SecurityContext> realmKeys;
    private final Consumer<Senal> app;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "shared-signals-poll");
        thread.setDaemon(true);
        return thread;
    });
    /** The jti of every SET already handed to the app: delivery is at least once. The last 10 000 are enough here. */
    private final Set<String> vistos = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });
    /** What goes with the next poll: the jti of each SET handled (ack), and of each rejected with the reason (setErrs). */
    private final List<String> acks = new ArrayList<>();
    private final Map<String, Object> errores = new LinkedHashMap<>();
    private AccessToken token;
    private Instant tokenVence = Instant.MIN;
    private URI pollUrl;
    private DefaultJWTProcessor<SecurityContext> sets;

    Senales(OIDCProviderMetadata op, ClientID clientId, Secret secret, JWKSource<SecurityContext> realmKeys, Consumer<Senal> app) {
        this.op = op;
        this.clientId = clientId;
        this.secret = secret;
        this.realmKeys = realmKeys;
        this.app = app;
    }

    /** Finds the transmitter, gets the app's stream (GET first: one stream per client, a second create is a 409), polls. */
    void start() throws Exception {
        Map<String, Object> transmisor = json(send(new HTTPRequest(HTTPRequest.Method.GET,
                URI.create(op.getIssuer().getValue() + "/.well-known/ssf-configuration")), false));
        URI streams = URI.create((String) transmisor.get("configuration_endpoint"));
        Map<String, Object> stream = null;
        for (Object existente : JSONArrayUtils.parse(send(new HTTPRequest(HTTPRequest.Method.GET, streams), true).getBody())) {
            stream = (Map<String, Object>) existente;
        }
        if (stream != null && !POLL.equals(((Map<?, ?>) stream.get("delivery")).get("method"))) {
            send(new HTTPRequest(HTTPRequest.Method.DELETE, URI.create(streams + "?stream_id=" + stream.get("stream_id"))), true);
            stream = null; // a push stream from elsewhere: this app's one stream is a poll stream
        }
        if (stream == null) {
            HTTPRequest crear = new HTTPRequest(HTTPRequest.Method.POST, streams);
            crear.setEntityContentType(ContentType.APPLICATION_JSON);
            crear.setBody(JSONObjectUtils.toJSONString(Map.of(
                    "description", "Clave SS example relying app",
                    "delivery", Map.of("method", POLL),
                    "events_requested", List.of(CREDENCIAL_CAMBIADA, SESION_REVOCADA, NIVEL_CAMBIADO))));
            stream = json(send(crear, true));
        }
        pollUrl = URI.create((String) ((Map<?, ?>) stream.get("delivery")).get("endpoint_url"));

        // A SET: signed by the realm's key, typ secevent+jwt, this realm as issuer, for this stream's audience (if it names one).
        Set<String> audiencia = new HashSet<>();
        audiencia.add(null);
        if (stream.get("aud") instanceof List<?> aud) {
            aud.forEach(a -> audiencia.add((String) a));
        } else if (stream.get("aud") instanceof String aud) {
            audiencia.add(aud);
        }
        sets = new DefaultJWTProcessor<>();
        sets.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("secevent+jwt")));
        sets.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, realmKeys));
        sets.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audiencia,
                new JWTClaimsSet.Builder().issuer((String) transmisor.get("issuer")).build(), Set.of("jti", "iat", "events"), null));
        poller.scheduleWithFixedDelay(this::poll, 0, CADA.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        poller.shutdownNow();
    }

    /** One round: acknowledge what was handled, take what is waiting, until nothing is. */
    private void poll() {
        try {
            while (true) {
                HTTPRequest pedido = new HTTPRequest(HTTPRequest.Method.POST, pollUrl);
                pedido.setEntityContentType(ContentType.APPLICATION_JSON);
                pedido.setBody(JSONObjectUtils.toJSONString(Map.of("ack", acks, "setErrs", errores, "maxEvents", 100, "returnImmediately", true)));
                Map<String, Object> respuesta = json(send(pedido, true));
                acks.clear();
                errores.clear();
                Map<String, Object> recibidos = respuesta.get("sets") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                int nuevos = 0;
                for (Map.Entry<String, Object> set : recibidos.entrySet()) {
                    nuevos += recibir(set.getKey(), (String) set.getValue()) ? 1 : 0;
                }
                if (nuevos == 0) {
                    return; // nothing new: what is left to acknowledge goes with the next round
                }
            }
        } catch (Exception e) {
            System.err.println("Shared Signals poll failed, retrying in " + CADA.toSeconds() + " s: " + e);
        }
    }

    /** Verifies one SET and, the first time its jti is seen, hands it to the app; says whether it was new. */
    private boolean recibir(String jti, String set) {
        Senal senal;
        try {
            senal = leer(set);
        } catch (Exception e) {
            // RFC 8936: tell the transmitter why, and it will not send it again.
            errores.put(jti, Map.of("err", "invalid_request", "description", String.valueOf(e.getMessage())));
            return false;
        }
        acks.add(jti);
        if (!vistos.add(senal.jti())) {
            return false;
        }
        app.accept(senal);
        return true;
    }

    /** Verifies a SET and reads its one event and the citizen it is about (sub_id: iss_sub, or complex with a user). */
    private Senal leer(String set) throws Exception {
        JWTClaimsSet claims = sets.process(set, null);
        Map<String, Object> eventos = claims.getJSONObjectClaim("events");
        if (eventos.size() != 1) {
            throw new IllegalArgumentException("a SET holds one event");
        }
        Map.Entry<String, Object> evento = eventos.entrySet().iterator().next();
        Map<String, Object> sujeto = claims.getJSONObjectClaim("sub_id");
        if (sujeto != null && sujeto.get("user") instanceof Map<?, ?> usuario) {
            sujeto = (Map<String, Object>) usuario;
        }
        boolean deEsteRealm = sujeto != null && "iss_sub".equals(sujeto.get("format")) && claims.getIssuer().equals(sujeto.get("iss"));
        return new Senal(claims.getJWTID(), evento.getKey(), deEsteRealm ? (String) sujeto.get("sub") : null,
                (Map<String, Object>) evento.getValue());
    }

    private HTTPResponse send(HTTPRequest request, boolean autenticado) throws Exception {
        if (autenticado) {
            request.setAuthorization(token().toAuthorizationHeader());
        }
        HTTPResponse response = request.send();
        if (response.getStatusCode() / 100 != 2) {
            throw new IOException(request.getMethod() + " " + request.getURI() + " answered " + response.getStatusCode() + " " + response.getBody());
        }
        return response;
    }

    /** The service account's token (client_credentials, scope ssf.read ssf.manage), renewed shortly before it expires. */
    private synchronized AccessToken token() throws Exception {
        if (Instant.now().isAfter(tokenVence)) {
            TokenResponse response = TokenResponse.parse(new TokenRequest(op.getTokenEndpointURI(), new ClientSecretBasic(clientId, secret),
                    new ClientCredentialsGrant(), new Scope("ssf.read", "ssf.manage")).toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new IOException("client_credentials: " + response.toErrorResponse().getErrorObject());
            }
            token = response.toSuccessResponse().getTokens().getAccessToken();
            tokenVence = Instant.now().plusSeconds(Math.max(0, token.getLifetime() - 30));
        }
        return token;
    }

    private static Map<String, Object> json(HTTPResponse response) throws Exception {
        return JSONObjectUtils.parse(response.getBody());
    }
}
