import { decodeChinese } from '../rules/model/numerals';
console.log(decodeChinese('百'), decodeChinese('千'), decodeChinese('百余'));
