package org.newsroom.enrich.related;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.newsroom.contract.ArticleAction;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Entity;
import org.newsroom.contract.RelatedLink;
import org.newsroom.enrich.terms.ArticleTerms;
import org.newsroom.enrich.terms.Keywords;

/**
 * The archive of articles as a Lucene index, on disk in the service ({@link ArchiveIndex}) and in
 * memory in tests and tools, filled by whoever follows the article topic and searched by the
 * enrichment. A commit makes the index durable together with what it covers ({@link #commit}).
 *
 * <p><b>One analysis per article.</b> Headline and body are analyzed once ({@link ArticleTerms});
 * each term's document frequency is looked up once per search, and in each segment once for the
 * segment's life ({@link SegmentFrequencies}); the retrieval query (through a
 * {@link DocumentFrequencyView}), the rescoring and the {@linkplain Keywords keywords} all use those
 * counts. Candidates compared recently are kept decoded ({@link CandidateCache}).
 *
 * <p><b>Retrieval.</b> MoreLikeThis on headline and body, plus a boost for each linked entity
 * (Wikidata id) the article shares, weighted by its salience; only articles first created before
 * this one, never the article itself.
 *
 * <p><b>Score.</b> Lucene's scores are unbounded and depend on the index, so every candidate is
 * scored again on an absolute scale in [0, 1] ({@link RelatedScoring}), so that a score means the
 * same whatever the size of the archive, and {@code minScore} can cut weak matches.
 *
 * <p><b>Keywords.</b> The article's terms by tf × BM25 idf against the archive, see {@link Keywords}.
 *
 * <p><b>Entities of archived articles.</b> An archive lost or new is built from the whole topic,
 * so its entities come from a cheap finder (the alias gazetteer), not from the CRF.
 */
public final class LuceneArchive implements RelatedArchive, Closeable {

    static final String URI = "uri";
    static final String HEADLINE = "headline";
    static final String HEADLINE_KEY = "headlineKey";
    static final String TEXT = ArticleTerms.FIELD;
    static final String CREATED = "firstCreated";
    static final String ENTITY = "entity";
    static final String ENTITY_WEIGHTS = "entityWeights";

    /** How many Lucene hits are rescored per result: the absolute score may reorder them. */
    private static final int CANDIDATES_PER_RESULT = 4;
    /** Retrieval weight of a shared entity of salience 1, against the text query's BM25 sums. */
    private static final float ENTITY_BOOST = 5f;

    private static final FieldType TEXT_WITH_VECTORS = textWithVectors();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[\\p{Punct}…’”]+$");

    private final Directory directory;
    private final SegmentFrequencies.BySegment segmentFrequencies = new SegmentFrequencies.BySegment(TEXT);
    private final CandidateCache<RelatedScoring.Candidate> candidates;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Function<ArticleEvent, List<Entity>> archiveEntities;
    private final int maxResults;
    private final double minScore;

    /**
     * An archive in memory, empty, for tests and tools.
     *
     * @param archiveEntities finds the linked entities of an archived article
     * @param maxResults how many related articles to return at most
     * @param minScore the lowest score worth returning
     * @param cachedCandidates how many compared articles to keep decoded for the next comparisons
     */
    public LuceneArchive(Function<ArticleEvent, List<Entity>> archiveEntities, int maxResults, double minScore,
            int cachedCandidates) {
        this(new ByteBuffersDirectory(), archiveEntities, maxResults, minScore, cachedCandidates);
    }

    /**
     * An archive in the given directory, with whatever its last commit holds ({@link ArchiveIndex}
     * opens one on disk).
     *
     * @throws UncheckedIOException if the index in the directory cannot be opened, for instance because
     *         it is corrupt (the cause says)
     */
    LuceneArchive(Directory directory, Function<ArticleEvent, List<Entity>> archiveEntities, int maxResults,
            double minScore, int cachedCandidates) {
        this.directory = directory;
        this.archiveEntities = archiveEntities;
        this.candidates = new CandidateCache<>(cachedCandidates);
        this.maxResults = maxResults;
        this.minScore = minScore;
        try {
            // Only commit() makes changes durable, with the offsets they cover: closing must not
            // commit documents under the offsets of an earlier commit.
            IndexWriter opened = new IndexWriter(directory, new IndexWriterConfig(ArticleTerms.ANALYZER)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false));
            try {
                this.searchers = new SearcherManager(opened, new UncachedSearchers());
            }
            catch (IOException | RuntimeException e) {
                opened.rollback();
                throw e;
            }
            this.writer = opened;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot open the archive index in " + directory, e);
        }
    }

    /** Adds, replaces or (for a killed story) removes an article; visible after {@link #refresh}. */
    public void accept(ArticleEvent article) {
        try {
            if (article.action() == ArticleAction.KILLED) {
                writer.deleteDocuments(new Term(URI, article.uri()));
            }
            else {
                writer.updateDocument(new Term(URI, article.uri()), document(article));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an article whose record was deleted from the topic (a tombstone). */
    public void remove(String uri) {
        try {
            writer.deleteDocuments(new Term(URI, uri));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes so far visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the changes so far durable, together with what they cover (for the follower of the
     * article topic: the offsets read up to), which {@link #committedData} gives back after a restart.
     */
    public void commit(Map<String, String> covered) {
        try {
            writer.setLiveCommitData(Map.copyOf(covered).entrySet());
            writer.commit();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every article and what the index covered, durably: the index starts anew. */
    public void clear() {
        try {
            writer.deleteAll();
            commit(Map.of());
            refresh();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the last {@link #commit} said the index covers; empty for a new index. */
    public Map<String, String> committedData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return Map.copyOf(data);
    }

    /** How many articles are searchable. */
    public int size() {
        return search(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Whether a searchable archived article has this uri. */
    public boolean contains(String uri) {
        return search(searcher -> searcher.count(new TermQuery(new Term(URI, uri))) > 0);
    }

    @Override
    public ArchiveComparison compare(ArticleEvent article, List<Entity> entities) {
        ArticleTerms terms = ArticleTerms.of(article, entities);
        return search(searcher -> {
            DocumentFrequencies frequencies = new DocumentFrequencies(searcher.getIndexReader(), segmentFrequencies);
            RelatedScoring scoring = new RelatedScoring(terms.frequencies(), frequencies, entities);
            List<String> keywords = Keywords.of(terms, frequencies::idf);
            if (maxResults == 0) {
                return new ArchiveComparison(List.of(), keywords);
            }
            IndexReader counted = new DocumentFrequencyView(searcher.getIndexReader(), TEXT, frequencies::df);
            BooleanQuery.Builder relevance = new BooleanQuery.Builder()
                    .add(moreLikeThis(counted).like(TEXT, new StringReader(ArticleTerms.text(article))), Occur.SHOULD);
            scoring.entityWeights().forEach((qid, weight) -> relevance.add(
                    new BoostQuery(new TermQuery(new Term(ENTITY, qid)), (float) (ENTITY_BOOST * weight)), Occur.SHOULD));
            TopDocs top = searcher.search(earlier(article, relevance.build()), maxResults * CANDIDATES_PER_RESULT);
            CandidateReaders readers = new CandidateReaders(searcher.storedFields(),
                    searcher.getIndexReader().termVectors());
            List<RelatedLink> links = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                RelatedScoring.Candidate candidate = candidates.of(searcher.getIndexReader(), hit.doc, readers::candidate);
                links.add(scoring.score(candidate));
            }
            return new ArchiveComparison(links.stream()
                    .filter(link -> link.score() >= minScore)
                    .sorted(Comparator.comparingDouble(RelatedLink::score).reversed().thenComparing(RelatedLink::uri))
                    .limit(maxResults)
                    .toList(), keywords);
        });
    }

    @Override
    public Optional<RelatedLink> earlierWithHeadline(ArticleEvent article, String headline) {
        return search(searcher -> {
            TopDocs top = searcher.search(earlier(article, new TermQuery(new Term(HEADLINE_KEY, headlineKey(headline)))),
                    1, new Sort(new SortField(CREATED, SortField.Type.LONG, true)));
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document found = searcher.storedFields().document(top.scoreDocs[0].doc);
            return Optional.of(new RelatedLink(found.get(URI), found.get(HEADLINE), 1.0, "same headline"));
        });
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    private static MoreLikeThis moreLikeThis(IndexReader reader) throws IOException {
        MoreLikeThis like = new MoreLikeThis(reader);
        like.setAnalyzer(ArticleTerms.ANALYZER);
        like.setFieldNames(new String[] {TEXT});
        // A young archive has few documents: every term that occurs is evidence.
        like.setMinTermFreq(1);
        like.setMinDocFreq(1);
        like.setMinWordLen(2);
        return like;
    }

    private static Query earlier(ArticleEvent article, Query relevance) {
        return new BooleanQuery.Builder()
                .add(relevance, Occur.MUST)
                .add(LongPoint.newRangeQuery(CREATED, Long.MIN_VALUE, article.firstCreated().toEpochMilli() - 1),
                        Occur.FILTER)
                .add(new TermQuery(new Term(URI, article.uri())), Occur.MUST_NOT)
                .build();
    }

    private Document document(ArticleEvent article) {
        Document document = new Document();
        document.add(new StringField(URI, article.uri(), Field.Store.YES));
        document.add(new StoredField(HEADLINE, article.headline()));
        document.add(new StringField(HEADLINE_KEY, headlineKey(article.headline()), Field.Store.NO));
        document.add(new Field(TEXT, ArticleTerms.text(article), TEXT_WITH_VECTORS));
        long created = article.firstCreated().toEpochMilli();
        document.add(new LongPoint(CREATED, created));
        document.add(new NumericDocValuesField(CREATED, created));
        Map<String, Double> weights = RelatedScoring.linkedSalience(archiveEntities.apply(article));
        weights.keySet().forEach(qid -> document.add(new StringField(ENTITY, qid, Field.Store.NO)));
        document.add(new StoredField(ENTITY_WEIGHTS, weights.entrySet().stream()
                .map(entry -> entry.getKey() + '=' + entry.getValue()).collect(Collectors.joining(" "))));
        return document;
    }

    private static Map<String, Double> parseWeights(String stored) {
        Map<String, Double> weights = new HashMap<>();
        if (stored != null && !stored.isEmpty()) {
            for (String pair : stored.split(" ")) {
                int equals = pair.indexOf('=');
                weights.put(pair.substring(0, equals), Double.parseDouble(pair.substring(equals + 1)));
            }
        }
        return Map.copyOf(weights);
    }

    /** Case, spacing and final punctuation do not make a teaser title a different headline. */
    static String headlineKey(String headline) {
        String spaced = WHITESPACE.matcher(headline.strip()).replaceAll(" ");
        return FINAL_PUNCTUATION.matcher(spaced).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private <T> T search(SearchAction<T> action) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return action.apply(searcher);
            }
            finally {
                searchers.release(searcher);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldType textWithVectors() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    /** Where the candidates' stored fields and term vectors are read, opened once per search. */
    private record CandidateReaders(StoredFields storedFields, TermVectors termVectors) {

        RelatedScoring.Candidate candidate(int doc) throws IOException {
            Document stored = storedFields.document(doc);
            return new RelatedScoring.Candidate(stored.get(URI), stored.get(HEADLINE), parseWeights(stored.get(ENTITY_WEIGHTS)),
                    TermVector.of(termVectors.get(doc, TEXT)));
        }
    }

    /**
     * Searchers without Lucene's query cache: the only filters, "created before this article" and
     * "not this article", are each article's own, so caching them would only cost.
     */
    private static final class UncachedSearchers extends SearcherFactory {

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            return searcher;
        }
    }

    @FunctionalInterface
    private interface SearchAction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

}
