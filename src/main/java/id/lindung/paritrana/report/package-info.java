@org.jspecify.annotations.NullMarked
package id.lindung.paritrana.report;
