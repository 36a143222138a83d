package com.ecolaura.changes.control;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Marks the shop's own writes in the change stream, so that the consumer does not invalidate them a
 * second time: a transaction that wrote a cached table emits a transactional logical message
 * ({@code pg_logical_emit_message}, prefix {@value #PREFIX}) just before it commits, once. The
 * message commits or rolls back with the rows. Registered with Hibernate through
 * {@code META-INF/services}; it marks only once the stream is known to be usable ({@link #activate}),
 * so H2 and a PostgreSQL without logical decoding never see the call, nor does a database user not
 * allowed to emit messages (a failed call would abort the write): their writes are invalidated a
 * second time by the stream, which is slower, never stale.
 */
public class OwnWriteMarks implements Integrator {

    public static final String PREFIX = "ecolaura";

    private static volatile boolean active;

    private static final Set<String> MARKED_ENTITIES = Arrays.stream(CachedTable.values())
            .map(table -> table.entity.getName())
            .collect(Collectors.toUnmodifiableSet());

    /** Sessions whose transaction already has its mark coming; weak, a rolled-back session is not kept. */
    private static final Map<SharedSessionContractImplementor, Boolean> MARKING =
            Collections.synchronizedMap(new WeakHashMap<>());

    public static void activate() {
        active = true;
    }

    public static void deactivate() {
        active = false;
    }

    @Override
    public void integrate(
            Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        var listeners = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        var written = new Written();
        listeners.appendListeners(EventType.POST_INSERT, written);
        listeners.appendListeners(EventType.POST_UPDATE, written);
        listeners.appendListeners(EventType.POST_DELETE, written);
    }

    /** Hibernate's listener interfaces, one method each that matters. */
    private static final class Written
            implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

        @Override
        public void onPostInsert(PostInsertEvent event) {
            written(event.getSession(), event.getPersister());
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            written(event.getSession(), event.getPersister());
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            written(event.getSession(), event.getPersister());
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return false;
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        MARKING.clear();
    }

    private static void written(EventSource session, EntityPersister persister) {
        if (!active || !MARKED_ENTITIES.contains(persister.getEntityName()) || MARKING.put(session, true) != null) {
            return;
        }
        session.getActionQueue().registerProcess(completing -> {
            MARKING.remove(session);
            completing.doWork(connection -> {
                try (var mark =
                        connection.prepareStatement("select pg_logical_emit_message(true, ?::text, ''::text)")) {
                    mark.setString(1, PREFIX);
                    mark.execute();
                }
            });
        });
        session.getActionQueue().registerProcess((success, completed) -> MARKING.remove(session));
    }
}
