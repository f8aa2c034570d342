/** Bank Indonesia's SNAP transfer-VA services for the banks that collect contributions (issue 19 point 3). */
@org.jspecify.annotations.NullMarked
package id.lindung.contribution.snap;
