package org.mecfskg.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Starts an in-process Neo4j (test harness) with Bolt on 127.0.0.1, no HTTP, no auth.
 *
 * <p>Usage: {@code java -jar neo4j-harness-launcher.jar [URI_FILE] [--workdir DIR] [--port N] [--no-stdin]}
 *
 * <ul>
 *   <li>Prints exactly one line {@code BOLT_URI=bolt://127.0.0.1:PORT} on stdout once the server accepts
 *       connections; everything else the JVM prints goes to stderr.
 *   <li>{@code URI_FILE}: if given, the bare URI is also written there (atomically, after start-up).
 *   <li>{@code --workdir DIR}: parent directory for the store (default: java.io.tmpdir); the store
 *       folder is deleted on shutdown.
 *   <li>{@code --port N}: Bolt port; default 0 = the OS picks a free port (no race).
 *   <li>Runs until stdin reaches EOF or the process receives SIGTERM/SIGINT; {@code --no-stdin} ignores
 *       stdin (use when started in the background with stdin at /dev/null).
 * </ul>
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path uriFile = null;
        Path workDir = null;
        int port = 0;
        boolean watchStdin = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--workdir" -> workDir = Path.of(requireValue(args, ++i, a));
                case "--port" -> port = Integer.parseInt(requireValue(args, ++i, a));
                case "--no-stdin" -> watchStdin = false;
                case "-h", "--help" -> {
                    System.err.println(
                            "usage: Launcher [URI_FILE] [--workdir DIR] [--port N] [--no-stdin]");
                    return;
                }
                default -> {
                    if (a.startsWith("--") || uriFile != null) {
                        die("unexpected argument: " + a);
                    }
                    uriFile = Path.of(a);
                }
            }
        }

        // Keep stdout for the single BOLT_URI line; Neo4j and anything else log to stderr.
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        Neo4jBuilder builder = (workDir == null)
                ? Neo4jBuilders.newInProcessBuilder()
                : Neo4jBuilders.newInProcessBuilder(Files.createDirectories(workDir));
        builder = builder.withDisabledServer()
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(GraphDatabaseSettings.auth_enabled, false)
                // Netty's graceful shutdown defaults to a 5 s quiet period per event-loop group (~10 s
                // per stop); a throwaway test server has nothing to drain.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3));

        if (port != 0) {
            builder = builder.withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port));
        }

        long t0 = System.nanoTime();
        Neo4j neo4j = builder.build();

        AtomicBoolean closed = new AtomicBoolean(false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable shutdown = () -> {
            if (closed.compareAndSet(false, true)) {
                System.err.println("[neo4j-harness] shutting down");
                try {
                    neo4j.close();
                } catch (RuntimeException e) {
                    System.err.println("[neo4j-harness] error during shutdown: " + e);
                } finally {
                    System.err.println("[neo4j-harness] stopped");
                    System.err.flush();
                    stopped.countDown();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-harness-shutdown"));

        int boltPort = neo4j.boltURI().getPort();
        URI uri = URI.create("bolt://127.0.0.1:" + boltPort);
        if (uriFile != null) {
            Path parent = uriFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = Files.createTempFile(parent, ".bolt-uri", ".tmp");
            Files.writeString(tmp, uri + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, uriFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.err.printf("[neo4j-harness] Neo4j %s ready in %.1f s%n",
                neo4jVersion(), (System.nanoTime() - t0) / 1e9);
        out.println("BOLT_URI=" + uri);
        out.flush();

        if (watchStdin) {
            drainUntilEof(System.in);
            System.err.println("[neo4j-harness] stdin closed");
            System.exit(0); // runs the shutdown hook
        } else {
            stopped.await(); // until SIGTERM/SIGINT runs the hook
        }
    }

    private static void drainUntilEof(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // ignore input; we only care about EOF
            }
        } catch (IOException e) {
            // treat a broken stdin like EOF
        }
    }

    private static String neo4jVersion() {
        try {
            Package p = Neo4j.class.getPackage();
            String v = p == null ? null : p.getImplementationVersion();
            return v == null ? "(version unknown)" : v;
        } catch (RuntimeException e) {
            return "(version unknown)";
        }
    }

    private static String requireValue(String[] args, int i, String flag) {
        if (i >= args.length) {
            die(flag + " needs a value");
        }
        return args[i];
    }

    private static void die(String msg) {
        System.err.println("[neo4j-harness] " + msg);
        System.exit(2);
    }
}
