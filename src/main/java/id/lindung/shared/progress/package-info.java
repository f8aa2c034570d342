/**
 * How far a long request is (a billing run, an uploaded file being applied): the work reports its phase and rows into
 * {@link id.lindung.shared.progress.Progress}, kept in memory by {@link id.lindung.shared.progress.OperationProgress}
 * under the user and an operation id the browser made, so that the page can poll it while the request runs.
 */
@org.jspecify.annotations.NullMarked
package id.lindung.shared.progress;
