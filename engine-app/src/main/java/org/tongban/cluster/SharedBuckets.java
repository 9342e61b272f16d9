package org.tongban.cluster;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token buckets (Bucket4j) whose state lives in the database ({@code tb_rate_limit_bucket}, V25), so a limit holds
 * across every node behind the proxy instead of once per node. Bucket4j does the arithmetic; this class only reads
 * a bucket's state and writes it back with a compare-and-swap ({@code UPDATE … WHERE state = <what was read>}, an
 * insert for a new bucket), retried by Bucket4j when another node changed it meanwhile. Each use costs a read and a
 * write outside any transaction, so callers keep a bucket in memory in front of it (a refusal there costs nothing).
 */
@Component
public class SharedBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    /** Rows untouched this long are deleted: any bucket of ours has refilled by then. */
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    /** Each write commits on its own (connections do not auto-commit here), apart from any caller's transaction. */
    SharedBuckets(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        super(ClientSideConfig.getDefault().withMaxRetries(8));
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The cluster-wide bucket of {@code key} (at most 200 characters), created with {@code configuration} when new. */
    public BucketProxy bucket(String key, Supplier<BucketConfiguration> configuration) {
        return builder().build(key.length() > 200 ? key.substring(0, 200) : key, configuration);
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                List<byte[]> state = jdbc.query("SELECT state FROM tb_rate_limit_bucket WHERE bucket_key = ?",
                        (rs, row) -> rs.getBytes(1), key);
                return state.stream().findFirst();
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] changed, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                long now = System.currentTimeMillis();
                if (original == null) {
                    try {
                        return Boolean.TRUE.equals(tx.execute(status -> jdbc.update(
                                "INSERT INTO tb_rate_limit_bucket (bucket_key, state, updated_at) VALUES (?, ?, ?)", key, changed, now) == 1));
                    } catch (DuplicateKeyException anotherNodeFirst) {
                        return false;
                    }
                }
                return Boolean.TRUE.equals(tx.execute(status -> jdbc.update(
                        "UPDATE tb_rate_limit_bucket SET state = ?, updated_at = ? WHERE bucket_key = ? AND state = ?",
                        changed, now, key, original) == 1));
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("JDBC buckets are synchronous");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("JDBC buckets are synchronous");
    }

    @Override
    public void removeProxy(String key) {
        tx.executeWithoutResult(status -> jdbc.update("DELETE FROM tb_rate_limit_bucket WHERE bucket_key = ?", key));
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    /** Any node may run it: deleting what nobody touched for a day is the same however often it runs. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOldBuckets() {
        long before = System.currentTimeMillis() - FORGET_AFTER.toMillis();
        tx.executeWithoutResult(status -> jdbc.update("DELETE FROM tb_rate_limit_bucket WHERE updated_at < ?", before));
    }
}
