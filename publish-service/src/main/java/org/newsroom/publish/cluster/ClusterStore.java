package org.newsroom.publish.cluster;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.newsroom.publish.article.ArticleDocument;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The {@code clusters} collection (one document per story cluster: its members as of their newest
 * stored version, lead first) and {@code cluster_members} (per article, the cluster it is in, as of
 * which version, and the clusters that version changed), kept
 * from the articles a batch changed.
 *
 * <p>Only changes reach it, so a stale or duplicate event changes nothing here either; a redelivered
 * record that changed its article is applied again, which changes nothing a second time: a member is
 * put only at the same or a newer version, and taken out only up to the version that leaves. What
 * a version changed is decided from the membership (where the article was), which is written after
 * the clusters, together with the clusters that version changed: a redelivery, after a failure
 * anywhere between the writes, makes the same changes and reports the same clusters, so a
 * {@code clustered} event the failed delivery did not record is recorded by the next one.
 *
 * <p>Like the articles, a cluster is read once per batch ({@code _id $in}, the lookup
 * mongo-java-server serves from an index), changed in memory in the batch's order and written back
 * guarded by the revision read; another instance that wrote a cluster meanwhile makes the batch be
 * decided again from a fresh read. No transaction is needed, and none is available on the local store.
 */
@Component
public class ClusterStore implements InitializingBean {

    static final String CLUSTERS = "clusters";

    static final String MEMBERSHIPS = "cluster_members";

    private static final String ID = "_id";

    private static final String REVISION = "revision";

    private static final String CLUSTER_ID = "clusterId";

    private static final String VERSION = "version";

    private static final String CHANGED = "changed";

    private static final int CONFLICT_ROUNDS = 5;

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(30);

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> clusters;

    private final MongoCollection<Document> memberships;

    public ClusterStore(MongoDatabase database) {
        this.clusters = database.getCollection(CLUSTERS);
        this.memberships = database.getCollection(MEMBERSHIPS);
    }

    /** Lets mongo-java-server find a revision-guarded replace by index, as for the articles. */
    @Override
    public void afterPropertiesSet() {
        Mono.from(clusters.createIndex(Indexes.ascending(ID, REVISION),
                new IndexOptions().unique(true).name("id_revision"))).block(INDEX_TIMEOUT);
    }

    public Mono<ClusterView> findById(String id) {
        return Mono.from(clusters.find(eq(ID, id)).first()).map(ClusterDocuments::viewOf);
    }

    /**
     * Applies the articles a batch changed, in its order: each joins the cluster of its version (or
     * is updated in it) and leaves the one it was in, if another; a withdrawn article leaves. Completes
     * with one list per article, in the same order: the clusters whose members or lead it changed, as
     * they were right after its change.
     */
    public Mono<List<List<ClusterView>>> applyAll(List<ArticleDocument> changed) {
        return applyAll(changed, CONFLICT_ROUNDS);
    }

    private Mono<List<List<ClusterView>>> applyAll(List<ArticleDocument> changed, int roundsLeft) {
        if (changed.isEmpty()) {
            return Mono.just(List.of());
        }
        List<String> articleIds = changed.stream().map(ArticleDocument::id).distinct().toList();
        return Flux.from(memberships.find(in(ID, articleIds)))
                .collectMap(membership -> membership.getString(ID), Membership::of)
                .flatMap(memberOf -> {
                    Set<String> clusterIds = new LinkedHashSet<>();
                    memberOf.values().forEach(membership -> {
                        if (membership.clusterId() != null) {
                            clusterIds.add(membership.clusterId());
                        }
                        clusterIds.addAll(membership.changed());
                    });
                    changed.stream().map(ArticleDocument::clusterId).filter(Objects::nonNull).forEach(clusterIds::add);
                    return Flux.from(clusters.find(in(ID, List.copyOf(clusterIds))))
                            .collectMap(cluster -> cluster.getString(ID), ClusterState::of)
                            .flatMap(read -> write(Plan.of(changed, memberOf, read)));
                })
                .flatMap(result -> {
                    if (result.applied()) {
                        return Mono.just(result.plan().changes());
                    }
                    if (roundsLeft <= 1) {
                        return Mono.error(new IllegalStateException(
                                "Other writers kept changing the clusters of this batch"));
                    }
                    return applyAll(changed, roundsLeft - 1);
                });
    }

    private Mono<Written> write(Plan plan) {
        if (plan.clusterWrites().isEmpty()) {
            return writeMemberships(plan);
        }
        return Mono.from(clusters.bulkWrite(plan.clusterWrites(), UNORDERED))
                .map(result -> result.getInsertedCount() + result.getMatchedCount() == plan.clusterWrites().size())
                .onErrorResume(ClusterStore::onlyLostRaces, lost -> Mono.just(false))
                .flatMap(allApplied -> allApplied ? writeMemberships(plan) : Mono.just(new Written(plan, false)));
    }

    private Mono<Written> writeMemberships(Plan plan) {
        if (plan.membershipWrites().isEmpty()) {
            return Mono.just(new Written(plan, true));
        }
        return Mono.from(memberships.bulkWrite(plan.membershipWrites(), UNORDERED)).thenReturn(new Written(plan, true));
    }

    private static boolean onlyLostRaces(Throwable error) {
        return error instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null
                && bulk.getWriteErrors().stream().allMatch(write -> write.getCategory() == ErrorCategory.DUPLICATE_KEY);
    }

    private record Written(Plan plan, boolean applied) {
    }

    /**
     * Where an article is, as of which version, and which clusters that version changed: what a
     * redelivery of the same record needs to make the same changes again.
     */
    private record Membership(@Nullable String clusterId, long version, List<String> changed) {

        static Membership of(Document stored) {
            return new Membership(stored.getString(CLUSTER_ID), stored.get(VERSION, 0L),
                    stored.getList(CHANGED, String.class, List.of()));
        }

        WriteModel<Document> write(String articleId) {
            return new ReplaceOneModel<>(eq(ID, articleId), new Document(ID, articleId).append(CLUSTER_ID, clusterId)
                    .append(VERSION, version).append(CHANGED, changed), new ReplaceOptions().upsert(true));
        }
    }

    /** A cluster as read, and as the batch changes it in memory. */
    private static final class ClusterState {

        private final String id;

        private final @Nullable Long revision;

        private final Map<String, ClusterMember> members;

        private boolean dirty;

        private ClusterState(String id, @Nullable Long revision, Map<String, ClusterMember> members) {
            this.id = id;
            this.revision = revision;
            this.members = members;
        }

        static ClusterState of(Document stored) {
            Map<String, ClusterMember> members = new LinkedHashMap<>();
            ClusterDocuments.viewOf(stored).members().forEach(member -> members.put(member.articleId(), member));
            return new ClusterState(stored.getString(ID), stored.getLong(REVISION), members);
        }

        static ClusterState created(String id) {
            return new ClusterState(id, null, new LinkedHashMap<>());
        }

        /** Puts the member unless a newer version of it is in. */
        void put(ClusterMember member) {
            ClusterMember present = members.get(member.articleId());
            if (present == null || present.version() <= member.version()) {
                dirty |= !member.equals(present);
                members.put(member.articleId(), member);
            }
        }

        /** Takes the article out unless a newer version of it is in. */
        void remove(String articleId, long version) {
            ClusterMember present = members.get(articleId);
            if (present != null && present.version() <= version) {
                members.remove(articleId);
                dirty = true;
            }
        }

        ClusterView view() {
            return ClusterDocuments.viewOf(id, members.values());
        }

        WriteModel<Document> write() {
            Document document = ClusterDocuments.toDocument(view())
                    .append(REVISION, revision == null ? 1 : revision + 1);
            return revision == null ? new InsertOneModel<>(document)
                    : new ReplaceOneModel<>(and(eq(ID, id), eq(REVISION, revision)), document);
        }
    }

    /** What a batch changes in the clusters, decided against what was read, and the writes that store it. */
    private record Plan(List<List<ClusterView>> changes, List<WriteModel<Document>> clusterWrites,
            List<WriteModel<Document>> membershipWrites) {

        static Plan of(List<ArticleDocument> changed, Map<String, Membership> memberOf,
                Map<String, ClusterState> read) {
            Map<String, ClusterState> states = new HashMap<>(read);
            Map<String, Membership> membership = new LinkedHashMap<>(memberOf);
            Set<String> touchedMemberships = new LinkedHashSet<>();
            List<List<ClusterView>> changes = new ArrayList<>(changed.size());
            for (ArticleDocument article : changed) {
                Membership before = membership.get(article.id());
                String after = article.clusterId();
                List<String> changedIds;
                if (before != null && before.version() == article.version()) {
                    // The very record again (a redelivery): the same changes, in case their events were lost.
                    changedIds = before.changed();
                }
                else {
                    // The membership is written after the clusters, so it still tells where the article was
                    // even when a failed delivery had already taken it out there.
                    String was = before == null ? null : before.clusterId();
                    changedIds = new ArrayList<>(2);
                    if (was != null && !was.equals(after)) {
                        changedIds.add(was);
                    }
                    if (after != null && !after.equals(was)) {
                        changedIds.add(after);
                    }
                }
                if (before != null && before.clusterId() != null && !before.clusterId().equals(after)) {
                    ClusterState left = states.get(before.clusterId());
                    if (left != null) {
                        left.remove(article.id(), article.version());
                    }
                }
                if (after != null) {
                    states.computeIfAbsent(after, ClusterState::created).put(ClusterDocuments.memberOf(article));
                }
                List<ClusterView> changedClusters = new ArrayList<>(changedIds.size());
                for (String id : changedIds) {
                    ClusterState state = states.get(id);
                    if (state != null) {
                        changedClusters.add(state.view());
                    }
                }
                membership.put(article.id(), new Membership(after, article.version(), List.copyOf(changedIds)));
                touchedMemberships.add(article.id());
                changes.add(changedClusters);
            }
            List<WriteModel<Document>> clusterWrites = states.values().stream()
                    .filter(state -> state.dirty)
                    .map(ClusterState::write)
                    .toList();
            List<WriteModel<Document>> membershipWrites = touchedMemberships.stream()
                    // Every touched article was put into the memberships when it was touched.
                    .map(articleId -> Objects.requireNonNull(membership.get(articleId), articleId).write(articleId))
                    .toList();
            return new Plan(changes, clusterWrites, membershipWrites);
        }
    }
}
