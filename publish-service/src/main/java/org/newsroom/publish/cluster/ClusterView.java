package org.newsroom.publish.cluster;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A story cluster as clients see it, from {@code GET /v1/clusters/{id}} and as the data of the
 * stream's {@code clustered} event: the articles of any partner reporting the same event.
 *
 * @param id the cluster's stable id, as articles carry it in {@code clusterId}
 * @param leadId the article id of the lead: the earliest member by first-created time; none once
 *        every member left
 * @param size how many members the cluster has
 * @param members the members, lead first, then by first-created time
 */
public record ClusterView(String id, @Nullable String leadId, int size, List<ClusterMember> members) {

    public ClusterView {
        members = List.copyOf(members);
    }
}
