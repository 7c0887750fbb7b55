package org.newsroom.publish.cluster;

import org.newsroom.publish.web.ApiDocumentation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/clusters/{id}}: a story cluster, its lead and members. */
@RestController
@Tag(name = "clusters")
class ClusterController {

    private final ClusterStore store;

    ClusterController(ClusterStore store) {
        this.store = store;
    }

    @GetMapping("/v1/clusters/{id}")
    @Operation(operationId = "cluster", summary = "A story cluster: the articles of any partner reporting one event")
    @ApiResponse(responseCode = "200", description = "The cluster, lead first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ClusterView.class)))
    @ApiResponse(responseCode = "404", description = "No cluster with members has this id", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    Mono<ClusterView> cluster(@Parameter(description = "the cluster id, as an article's `clusterId`")
            @PathVariable String id) {
        return store.findById(id)
                .filter(cluster -> cluster.size() > 0)
                .switchIfEmpty(Mono.error(() -> new ClusterNotFoundException(id)));
    }
}
