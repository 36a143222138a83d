package com.ecolaura.testing;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Undeploying from the Payara Micro container only signals its process to end; the next test
 * class's Payara then starts while the last one may still hold the management port, fails to bind
 * and costs the container's whole start-up timeout. This waits for the process to be gone (and
 * kills one that will not end), so every deployment starts on free ports.
 */
public class PayaraExitAwaiter implements LoadableExtension {

    private static final Logger LOG = Logger.getLogger(PayaraExitAwaiter.class.getName());
    private static final long GRACE_SECONDS = 30;

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(PayaraExitAwaiter.class);
    }

    public void awaitExit(@Observes AfterUnDeploy event) throws InterruptedException {
        Process process = payaraProcess(event.getDeployableContainer());
        if (process == null) {
            return;
        }
        if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
            LOG.warning("Payara Micro " + process.pid() + " still running " + GRACE_SECONDS
                    + " s after undeploy; killing it");
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    /** The container keeps its process in a private field (arquillian-payara-micro-managed 3.1). */
    private static Process payaraProcess(DeployableContainer<?> container) {
        try {
            Field field = container.getClass().getDeclaredField("payaraMicroProcess");
            field.setAccessible(true);
            return (Process) field.get(container);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning("cannot see the Payara Micro process of "
                    + container.getClass().getName() + ": " + e);
            return null;
        }
    }
}
