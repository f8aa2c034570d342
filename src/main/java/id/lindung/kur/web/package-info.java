@org.jspecify.annotations.NullMarked
package id.lindung.kur.web;
