@org.jspecify.annotations.NullMarked
package id.lindung.coverage.web;
